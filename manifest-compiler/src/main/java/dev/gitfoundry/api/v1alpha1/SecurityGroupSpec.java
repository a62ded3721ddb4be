package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** A CF application security group that applies to a space's running apps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecurityGroupSpec {
  @JsonProperty("name")
  @JsonPropertyDescription("Security group name (its foundation.yml key).")
  @Required
  private String name;

  @JsonProperty("guid")
  @JsonPropertyDescription("CF guid of the security group (stable UUIDv5).")
  private String guid;

  @JsonProperty("global")
  @JsonPropertyDescription(
      "A running security group of the whole foundation (running_security_groups).")
  private Boolean global;

  @JsonProperty("bound")
  @JsonPropertyDescription("Bound to this space by its space.yml.")
  private Boolean bound;

  @JsonProperty("rules")
  @JsonPropertyDescription("Egress the group allows.")
  private List<SecurityGroupRule> rules;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGuid() {
    return guid;
  }

  public void setGuid(String guid) {
    this.guid = guid;
  }

  public Boolean getGlobal() {
    return global;
  }

  public void setGlobal(Boolean global) {
    this.global = global;
  }

  public Boolean getBound() {
    return bound;
  }

  public void setBound(Boolean bound) {
    this.bound = bound;
  }

  public List<SecurityGroupRule> getRules() {
    return rules;
  }

  public void setRules(List<SecurityGroupRule> rules) {
    this.rules = rules;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SecurityGroupSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(name, other.name)
        && Objects.equals(guid, other.guid)
        && Objects.equals(global, other.global)
        && Objects.equals(bound, other.bound)
        && Objects.equals(rules, other.rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, guid, global, bound, rules);
  }
}
