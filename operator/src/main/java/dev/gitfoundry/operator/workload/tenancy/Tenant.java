package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import java.util.List;
import java.util.Map;

/**
 * What CFOrg and CFSpace have in common: a Namespace with some labels, and role bindings in it.
 *
 * @param namespace the Namespace the org or space maps to
 * @param labels labels that Namespace carries
 * @param roles role assignments to bind there
 */
public record Tenant(String namespace, Map<String, String> labels, List<RoleAssignment> roles) {
  public Tenant {
    labels = Map.copyOf(labels);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
