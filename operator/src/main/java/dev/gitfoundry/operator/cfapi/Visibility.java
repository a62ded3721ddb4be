package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;

/**
 * What a caller may see, decided by Kubernetes RBAC: a space is visible when the caller may list
 * CFApps in the space's namespace (every space role grants that); an org when the caller may list
 * CFSpaces in the org's namespace or sees one of its spaces. Decisions come from
 * SubjectAccessReviews and are cached briefly per caller and namespace.
 */
final class Visibility {
  private static final String GROUP = "gitfoundry.dev";

  private final Permissions permissions;
  private final FoundationCache foundation;

  Visibility(Permissions permissions, FoundationCache foundation) {
    this.permissions = permissions;
    this.foundation = foundation;
  }

  boolean canSee(Identity caller, CFSpace space) {
    return space.getSpec().getNamespace() != null
        && mayList(caller, space.getSpec().getNamespace(), "cfapps");
  }

  boolean canSee(Identity caller, CFOrg org) {
    if (org.getSpec().getNamespace() != null
        && mayList(caller, org.getSpec().getNamespace(), "cfspaces")) {
      return true;
    }
    return foundation.spaces().stream()
        .filter(space -> foundation.orgOf(space).filter(o -> o == org).isPresent())
        .anyMatch(space -> canSee(caller, space));
  }

  /** An app or route is visible with the space whose namespace holds it. */
  boolean canSeeNamespace(Identity caller, String namespace) {
    return foundation.spaceOwning(namespace).map(space -> canSee(caller, space)).orElse(false);
  }

  private boolean mayList(Identity caller, String namespace, String resource) {
    return permissions.allowed(caller, namespace, Permissions.Permission.list(GROUP, resource));
  }
}
