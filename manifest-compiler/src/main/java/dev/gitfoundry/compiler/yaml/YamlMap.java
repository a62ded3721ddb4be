package dev.gitfoundry.compiler.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mapping with string keys (go-yaml stringifies scalar keys the same way). Keeps source order.
 */
public record YamlMap(Map<String, Entry> entries, Position position) implements YamlNode {

  /** One key with where the key was written and its value. */
  public record Entry(String key, Position keyPosition, YamlNode value) {}

  public YamlMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public YamlNode get(String key) {
    Entry entry = entries.get(key);
    return entry == null ? null : entry.value();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public String goTypeName() {
    return "map[interface {}]interface {}";
  }
}
