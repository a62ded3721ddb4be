package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kpack {@code Image} that builds a buildpack or cnb app from its repository at the applied
 * commit. Its {@code status.latestImage} is what the app's processes run.
 */
final class KpackImageDependent extends GenericKubernetesDependentResource<CFApp>
    implements Creator<GenericKubernetesResource, CFApp>,
        Updater<GenericKubernetesResource, CFApp>,
        GarbageCollected<CFApp> {
  static final GroupVersionKind GVK = new GroupVersionKind("kpack.io", "v1alpha2", "Image");

  KpackImageDependent() {
    super(GVK);
  }

  @Override
  protected GenericKubernetesResource desired(CFApp app, Context<CFApp> context) {
    AppInputs.KpackBuild build = CFAppReconciler.inputs(context).build();
    Map<String, Object> git = new LinkedHashMap<>();
    git.put("url", build.gitUrl());
    git.put("revision", build.revision());
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("git", git);
    if (build.subPath() != null && !build.subPath().isBlank()) {
      source.put("subPath", build.subPath());
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("tag", build.tag());
    spec.put("serviceAccountName", build.serviceAccount());
    spec.put("builder", Map.of("kind", "ClusterBuilder", "name", build.clusterBuilder()));
    spec.put("source", source);
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(GVK.apiVersion())
        .withKind(GVK.getKind())
        .withNewMetadata()
        .withName(app.getMetadata().getName())
        .withNamespace(app.getMetadata().getNamespace())
        .addToLabels(Labels.APP, app.getMetadata().getName())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", spec))
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(CFApp app, Context<CFApp> context) {
    return ResourceID.fromResource(app);
  }

  /** The image kpack built last, if any: kept running while a newer build is in progress. */
  static Optional<String> latestImage(GenericKubernetesResource image) {
    if (!(image.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return Optional.empty();
    }
    Object latest = status.get("latestImage");
    return latest instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /** The message of kpack's Ready condition when a build failed, for the app's condition. */
  static Optional<String> failure(GenericKubernetesResource image) {
    if (!(image.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
        || !(status.get("conditions") instanceof List<?> conditions)) {
      return Optional.empty();
    }
    return conditions.stream()
        .filter(c -> c instanceof Map<?, ?> m && "Ready".equals(m.get("type")))
        .map(c -> (Map<?, ?>) c)
        .filter(c -> "False".equals(c.get("status")))
        .map(c -> String.valueOf(c.get("message")))
        .findFirst();
  }
}
