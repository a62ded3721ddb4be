package dev.gitfoundry.operator.cfapi;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Whether a caller may do something in a namespace, as the Kubernetes API server decides it: one
 * SubjectAccessReview per caller, namespace and permission, remembered briefly. The CF API never
 * grants more than the caller's own RBAC (e.g. {@code cf env} needs {@code get secrets}, {@code cf
 * logs} needs {@code get pods/log}).
 */
final class Permissions {
  private static final Duration CACHE_LIFETIME = Duration.ofSeconds(30);
  static final String NOT_AUTHORIZED = "You are not authorized to perform the requested action";

  /** One RBAC permission: verb on a (sub)resource of an API group ("" is the core group). */
  record Permission(String verb, String group, String resource, String subresource) {
    static final Permission READ_SECRETS = new Permission("get", "", "secrets", null);
    static final Permission READ_POD_LOGS = new Permission("get", "", "pods", "log");

    static Permission list(String group, String resource) {
      return new Permission("list", group, resource, null);
    }
  }

  private final KubernetesClient privileged;
  private final ExpiringCache<String, Boolean> decisions;

  Permissions(KubernetesClient privileged, Clock clock) {
    this.privileged = privileged;
    this.decisions = new ExpiringCache<>(CACHE_LIFETIME, clock);
  }

  /** Refuses with CF's {@code CF-NotAuthorized} unless the caller has the permission. */
  void require(Identity caller, String namespace, Permission permission) {
    if (!allowed(caller, namespace, permission)) {
      throw CfError.notAuthorized(NOT_AUTHORIZED);
    }
  }

  boolean allowed(Identity caller, String namespace, Permission permission) {
    String key =
        String.join(
            "\u0000", caller.name(), caller.groups().toString(), namespace, permission.toString());
    return decisions.get(key, ignored -> review(caller, namespace, permission));
  }

  private boolean review(Identity caller, String namespace, Permission permission) {
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
                    .withGroup(permission.group())
                    .withResource(permission.resource())
                    .withSubresource(permission.subresource())
                    .withVerb(permission.verb())
                    .withNamespace(namespace)
                    .endResourceAttributes()
                    .endSpec()
                    .build());
    return review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
  }
}
