package dev.gitfoundry.compiler.yaml;

/**
 * A YAML value as `cf push` sees it after go-yaml v2 decoding: anchors, aliases and merge keys are
 * already expanded, scalars carry their YAML 1.1 type, and every node remembers where it was
 * written so diagnostics can point at it.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
  Position position();

  /** The name go-yaml would give this value's type, used in Cloud Controller style messages. */
  String goTypeName();
}
