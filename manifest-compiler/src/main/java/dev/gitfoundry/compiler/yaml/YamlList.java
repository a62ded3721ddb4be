package dev.gitfoundry.compiler.yaml;

import java.util.List;

/** A sequence. */
public record YamlList(List<YamlNode> items, Position position) implements YamlNode {
  public YamlList {
    items = List.copyOf(items);
  }

  @Override
  public String goTypeName() {
    return "[]interface {}";
  }
}
