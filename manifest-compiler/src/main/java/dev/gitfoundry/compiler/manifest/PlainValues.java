package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.RubyFormat;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Converts located YAML into plain Java values, and into Ruby's view of them. */
final class PlainValues {
  private PlainValues() {}

  static Object toJava(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      return scalar.value() instanceof java.math.BigInteger big ? big.toString() : scalar.value();
    }
    if (node instanceof YamlList list) {
      List<Object> items = new ArrayList<>();
      list.items().forEach(item -> items.add(toJava(item)));
      return items;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    ((YamlMap) node).entries().values().forEach(e -> map.put(e.key(), toJava(e.value())));
    return map;
  }

  /** Ruby's {@code to_s}: what CC stores for an env value of any type. */
  static String rubyToString(YamlNode node) {
    return node instanceof YamlScalar scalar ? scalar.asRubyString() : rubyInspect(node);
  }

  private static String rubyInspect(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.isNull()) {
        return "nil";
      }
      if (scalar.isString()) {
        return "\"" + scalar.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      }
      return scalar.value() instanceof Double d
          ? RubyFormat.cliFloatToString(d)
          : scalar.value().toString();
    }
    if (node instanceof YamlList list) {
      return list.items().stream()
          .map(PlainValues::rubyInspect)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    return ((YamlMap) node)
        .entries().values().stream()
            .map(e -> "\"" + e.key() + "\"=>" + rubyInspect(e.value()))
            .collect(Collectors.joining(", ", "{", "}"));
  }
}
