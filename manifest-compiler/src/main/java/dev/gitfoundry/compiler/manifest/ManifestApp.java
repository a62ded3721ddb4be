package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import java.util.Map;

/**
 * One application entry after the cf CLI's processing, keyed the way Cloud Controller reads it
 * (underscored). {@code attributes} keep the entries so validation can point at them.
 */
public record ManifestApp(
    String name, Position position, Map<String, YamlMap.Entry> attributes, boolean defaultRoute) {

  public YamlNode get(String key) {
    YamlMap.Entry entry = attributes.get(key);
    return entry == null ? null : entry.value();
  }

  public boolean has(String key) {
    return attributes.containsKey(key);
  }

  public Position positionOf(String key) {
    YamlMap.Entry entry = attributes.get(key);
    return entry == null ? position : entry.value().position();
  }
}
