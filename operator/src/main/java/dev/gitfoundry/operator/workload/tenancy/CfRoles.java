package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import dev.gitfoundry.operator.workload.InvalidSpecException;
import dev.gitfoundry.operator.workload.Reasons;
import java.util.List;
import java.util.Map;

/** CF roles and the ClusterRoles (shipped by the chart) they are bound to. */
public final class CfRoles {
  private static final Map<String, String> CLUSTER_ROLES =
      Map.of(
          "OrgManager", "gitfoundry-org-manager",
          "OrgAuditor", "gitfoundry-org-auditor",
          "OrgBillingManager", "gitfoundry-org-billing-manager",
          "OrgUser", "gitfoundry-org-user",
          "SpaceDeveloper", "gitfoundry-space-developer",
          "SpaceManager", "gitfoundry-space-manager",
          "SpaceAuditor", "gitfoundry-space-auditor",
          "SpaceSupporter", "gitfoundry-space-supporter");

  private CfRoles() {}

  /** The ClusterRole a CF role is bound to; throws for a role CF does not have. */
  public static String clusterRole(String role) {
    String clusterRole = CLUSTER_ROLES.get(role);
    if (clusterRole == null) {
      throw new InvalidSpecException(
          Reasons.UNKNOWN_ROLE,
          "unknown role '"
              + role
              + "'; expected one of "
              + CLUSTER_ROLES.keySet().stream().sorted().toList());
    }
    return clusterRole;
  }

  /** Checks every assignment up front, so that a bad one stalls before anything is applied. */
  public static void validate(List<RoleAssignment> roles) {
    if (roles == null) {
      return;
    }
    for (RoleAssignment assignment : roles) {
      clusterRole(assignment.getRole());
      if (assignment.getServiceAccounts() != null) {
        assignment.getServiceAccounts().forEach(CfRoles::serviceAccount);
      }
    }
  }

  /** Splits {@code namespace:name}. */
  static String[] serviceAccount(String reference) {
    String[] parts = reference.split(":", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new InvalidSpecException(
          Reasons.INVALID_SPEC,
          "service account '" + reference + "' must be written as namespace:name");
    }
    return parts;
  }
}
