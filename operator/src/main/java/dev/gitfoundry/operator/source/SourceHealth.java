package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/** How the apps of one source are doing, rolled up for the commit status and the status page. */
record SourceHealth(List<AppState> apps) {

  /** One app: ready or not, and why not. */
  record AppState(
      String namespace,
      String name,
      String displayName,
      boolean ready,
      String reason,
      String message) {}

  static SourceHealth of(KubernetesClient client, GitSource source) {
    List<CFApp> apps =
        client
            .resources(CFApp.class)
            .inAnyNamespace()
            .withLabels(
                Map.of(
                    Labels.SOURCE, source.getMetadata().getName(),
                    Labels.SOURCE_NAMESPACE, source.getMetadata().getNamespace()))
            .list()
            .getItems();
    return new SourceHealth(
        apps.stream()
            .sorted(
                java.util.Comparator.comparing((CFApp a) -> a.getMetadata().getNamespace())
                    .thenComparing(a -> a.getMetadata().getName()))
            .map(SourceHealth::state)
            .toList());
  }

  private static AppState state(CFApp app) {
    Condition ready =
        app.getStatus() == null
            ? null
            : Conditions.get(app.getStatus(), Conditions.READY).orElse(null);
    boolean current =
        app.getStatus() != null
            && app.getStatus().getObservedGeneration() != null
            && app.getStatus().getObservedGeneration().equals(app.getMetadata().getGeneration());
    boolean isReady = current && ready != null && "True".equals(ready.getStatus());
    return new AppState(
        app.getMetadata().getNamespace(),
        app.getMetadata().getName(),
        app.getSpec().getDisplayName(),
        isReady,
        ready == null ? "Pending" : ready.getReason(),
        ready == null ? "not reconciled yet" : ready.getMessage());
  }

  long readyCount() {
    return apps.stream().filter(AppState::ready).count();
  }

  boolean allReady() {
    return readyCount() == apps.size();
  }

  /** The first app that is not ready, for a failure description. */
  AppState firstFailing() {
    return apps.stream().filter(a -> !a.ready()).findFirst().orElse(null);
  }
}
