package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.Map;

/**
 * The CF names of orgs and spaces (what people call them: {@code acme}, {@code prod}) by their
 * Kubernetes names ({@code acme}, {@code acme-prod}), which is what a CFApp refers to.
 */
final class TenancyNames {
  private final Map<String, String> orgs = new HashMap<>();
  private final Map<String, String> spaces = new HashMap<>();

  /** Learns the names of every CFOrg and CFSpace among {@code objects}. */
  TenancyNames learn(Iterable<? extends HasMetadata> objects) {
    for (HasMetadata object : objects) {
      if (object instanceof CFOrg org && org.getSpec().getDisplayName() != null) {
        orgs.put(org.getMetadata().getName(), org.getSpec().getDisplayName());
      } else if (object instanceof CFSpace space && space.getSpec().getDisplayName() != null) {
        spaces.put(space.getMetadata().getName(), space.getSpec().getDisplayName());
      }
    }
    return this;
  }

  String org(CFApp app) {
    return orgs.getOrDefault(app.getSpec().getOrgName(), app.getSpec().getOrgName());
  }

  String space(CFApp app) {
    return spaces.getOrDefault(app.getSpec().getSpaceName(), app.getSpec().getSpaceName());
  }

  static String app(CFApp app) {
    return app.getSpec().getDisplayName() == null
        ? app.getMetadata().getName()
        : app.getSpec().getDisplayName();
  }
}
