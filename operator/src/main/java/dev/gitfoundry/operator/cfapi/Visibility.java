package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What a caller may see, decided by Kubernetes RBAC: a space is visible when the caller may list
 * CFApps in the space's namespace (every space role grants that); an org when the caller may list
 * CFSpaces in the org's namespace or sees one of its spaces. Decisions come from
 * SubjectAccessReviews and are cached briefly per caller and namespace.
 */
final class Visibility {
  private static final Duration CACHE_LIFETIME = Duration.ofSeconds(30);
  private static final String GROUP = "gitfoundry.dev";

  private final KubernetesClient privileged;
  private final FoundationCache foundation;
  private final ExpiringCache<String, Boolean> decisions;

  Visibility(KubernetesClient privileged, FoundationCache foundation, Clock clock) {
    this.privileged = privileged;
    this.foundation = foundation;
    this.decisions = new ExpiringCache<>(CACHE_LIFETIME, clock);
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
    String key =
        caller.name() + "\u0000" + caller.groups() + "\u0000" + namespace + "\u0000" + resource;
    return decisions.get(key, ignored -> review(caller, namespace, resource));
  }

  private boolean review(Identity caller, String namespace, String resource) {
    SubjectAccessReview review =
        privileged
            .authorization()
            .v1()
            .subjectAccessReview()
            .create(
                new SubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withUser(caller.name())
                    .withUid(caller.uid())
                    .withGroups(caller.groups())
                    .withNewResourceAttributes()
                    .withGroup(GROUP)
                    .withResource(resource)
                    .withVerb("list")
                    .withNamespace(namespace)
                    .endResourceAttributes()
                    .endSpec()
                    .build());
    return review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
  }
}
