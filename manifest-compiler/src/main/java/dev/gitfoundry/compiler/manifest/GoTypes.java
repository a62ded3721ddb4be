package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;

/**
 * The cf CLI decodes some manifest fields into typed Go struct fields; a value of another YAML type
 * fails the whole manifest with go-yaml's "unmarshal errors". This says which values fit.
 */
enum GoTypes {
  STRING("string"),
  INT("int"),
  INT64("int64"),
  BOOL("bool"),
  STRUCT("manifestparser.Docker"),
  PROCESS_LIST("[]manifestparser.Process");

  private final String goName;

  GoTypes(String goName) {
    this.goName = goName;
  }

  boolean accepts(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.isNull()) {
      return true;
    }
    switch (this) {
      case STRING:
        return node instanceof YamlScalar;
      case INT:
      case INT64:
        return node instanceof YamlScalar s && s.isInteger();
      case BOOL:
        return node instanceof YamlScalar s && s.isBoolean();
      case STRUCT:
        return node instanceof YamlMap;
      default:
        return node instanceof YamlList;
    }
  }

  /** go-yaml's message, minus the line which the diagnostic carries anyway. */
  String unmarshalError(YamlNode node, String key) {
    return "yaml: unmarshal errors: cannot unmarshal "
        + yamlTag(node)
        + describe(node)
        + " into "
        + goName
        + " ("
        + key
        + ")";
  }

  static String yamlTag(YamlNode node) {
    if (node instanceof YamlMap) {
      return "!!map";
    }
    if (node instanceof YamlList) {
      return "!!seq";
    }
    YamlScalar scalar = (YamlScalar) node;
    if (scalar.isBoolean()) {
      return "!!bool";
    }
    if (scalar.isInteger()) {
      return "!!int";
    }
    if (scalar.isNumber()) {
      return "!!float";
    }
    return scalar.isNull() ? "!!null" : "!!str";
  }

  private static String describe(YamlNode node) {
    return node instanceof YamlScalar scalar ? " `" + scalar.text() + "`" : "";
  }
}
