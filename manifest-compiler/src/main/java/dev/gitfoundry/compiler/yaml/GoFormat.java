package dev.gitfoundry.compiler.yaml;

import java.util.stream.Collectors;

/** Go's {@code %v} rendering of decoded YAML, as the cf CLI prints values in its messages. */
public final class GoFormat {
  private GoFormat() {}

  public static String value(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.isNull()) {
        return "<nil>";
      }
      if (scalar.value() instanceof Double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e21
            ? Long.toString(d.longValue())
            : d.toString();
      }
      return scalar.value().toString();
    }
    if (node instanceof YamlList list) {
      return list.items().stream().map(GoFormat::value).collect(Collectors.joining(" ", "[", "]"));
    }
    YamlMap map = (YamlMap) node;
    return map.entries().values().stream()
        .sorted((a, b) -> a.key().compareTo(b.key()))
        .map(e -> e.key() + ":" + value(e.value()))
        .collect(Collectors.joining(" ", "map[", "]"));
  }
}
