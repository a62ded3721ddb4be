package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** {@code metadata} labels and annotations with Cloud Controller's key and value rules. */
public final class MetadataRules {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$");
  private static final Pattern DNS_PREFIX =
      Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$");

  /** Validated labels and annotations (null values, which delete in CC, are left out). */
  public record Metadata(Map<String, String> labels, Map<String, String> annotations) {
    public static final Metadata EMPTY = new Metadata(Map.of(), Map.of());
  }

  private MetadataRules() {}

  /** {@code error} receives CC's message tails, located. */
  public static Metadata read(YamlNode node, ErrorSink error) {
    if (!(node instanceof YamlMap map)) {
      error.at(node.position(), "Metadata must be an object");
      return Metadata.EMPTY;
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      if (!entry.key().equals("labels") && !entry.key().equals("annotations")) {
        error.at(entry.keyPosition(), "Metadata has unexpected field(s): '" + entry.key() + "'");
      }
    }
    Map<String, String> labels = section(map, "labels", 63, true, error);
    Map<String, String> annotations = section(map, "annotations", 5000, false, error);
    return new Metadata(labels, annotations);
  }

  static Metadata read(YamlNode node, Findings findings) {
    return read(node, findings::appError);
  }

  /** Receives one located message. */
  @FunctionalInterface
  public interface ErrorSink {
    void at(Position position, String message);
  }

  private static Map<String, String> section(
      YamlMap metadata, String name, int maxValue, boolean labelValues, ErrorSink error) {
    YamlNode node = metadata.get(name);
    Map<String, String> values = new LinkedHashMap<>();
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return values;
    }
    String kind = name.equals("labels") ? "label" : "annotation";
    if (!(node instanceof YamlMap map)) {
      error.at(node.position(), "Metadata '" + name + "' is not an object");
      return values;
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      Consumer<String> keyError =
          problem -> error.at(entry.keyPosition(), "Metadata " + kind + " key error: " + problem);
      if (!validKey(entry.key(), keyError)) {
        continue;
      }
      if (entry.value() instanceof YamlScalar scalar && scalar.isNull()) {
        continue;
      }
      String value = PlainValues.rubyToString(entry.value());
      String valueError = null;
      if (value.length() > maxValue) {
        valueError = "'" + value + "' is greater than " + maxValue + " characters";
      } else if (labelValues && !value.isEmpty() && !NAME.matcher(value).matches()) {
        valueError = "'" + value + "' contains invalid characters";
      }
      if (valueError != null) {
        error.at(entry.value().position(), "Metadata " + kind + " value error: " + valueError);
      } else {
        values.put(entry.key(), value);
      }
    }
    return values;
  }

  private static boolean validKey(String key, Consumer<String> error) {
    if (key.isEmpty()) {
      error.accept("key cannot be empty string");
      return false;
    }
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      error.accept("'" + key + "' key has more than one '/'");
      return false;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.length() > 253 || !DNS_PREFIX.matcher(prefix).matches()) {
        error.accept("'" + prefix + "' must be in valid dns format");
        return false;
      }
      if (prefix.equals("cloudfoundry.org") || prefix.endsWith(".cloudfoundry.org")) {
        error.accept("prefix 'cloudfoundry.org' is reserved");
        return false;
      }
    }
    if (name.length() > 63) {
      error.accept("'" + name + "' is greater than 63 characters");
      return false;
    }
    if (!NAME.matcher(name).matches()) {
      error.accept("'" + key + "' contains invalid characters");
      return false;
    }
    return true;
  }
}
