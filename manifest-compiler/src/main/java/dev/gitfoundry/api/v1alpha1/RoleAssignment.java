package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** A CF role granted to Kubernetes users, groups and service accounts (becomes RoleBindings). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RoleAssignment {
  @JsonProperty("role")
  @JsonPropertyDescription(
      "CF role: OrgManager, OrgAuditor, OrgBillingManager, OrgUser, SpaceDeveloper, SpaceManager, SpaceAuditor or SpaceSupporter.")
  @Required
  private String role;

  @JsonProperty("users")
  @JsonPropertyDescription("Kubernetes user names.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> users;

  @JsonProperty("groups")
  @JsonPropertyDescription("Kubernetes group names.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> groups;

  @JsonProperty("serviceAccounts")
  @JsonPropertyDescription("Service accounts, as namespace:name.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> serviceAccounts;

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public List<String> getUsers() {
    return users;
  }

  public void setUsers(List<String> users) {
    this.users = users;
  }

  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups;
  }

  public List<String> getServiceAccounts() {
    return serviceAccounts;
  }

  public void setServiceAccounts(List<String> serviceAccounts) {
    this.serviceAccounts = serviceAccounts;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RoleAssignment other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(role, other.role)
        && Objects.equals(users, other.users)
        && Objects.equals(groups, other.groups)
        && Objects.equals(serviceAccounts, other.serviceAccounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, users, groups, serviceAccounts);
  }
}
