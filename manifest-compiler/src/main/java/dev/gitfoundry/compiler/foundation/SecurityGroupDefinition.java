package dev.gitfoundry.compiler.foundation;

import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import dev.gitfoundry.compiler.yaml.Position;
import java.util.List;

/** A security group defined in foundation.yml: its name and its valid rules. */
public record SecurityGroupDefinition(
    String name, String file, Position position, List<SecurityGroupRule> rules) {
  public SecurityGroupDefinition {
    rules = List.copyOf(rules);
  }
}
