package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.Collectors;

/** Whether the apps of one preview run: each CFApp Ready for its current generation. */
record PreviewHealth(List<CFApp> apps) {
  static PreviewHealth of(KubernetesClient client, SourceRef source, int number) {
    return new PreviewHealth(
        client
            .resources(CFApp.class)
            .inAnyNamespace()
            .withLabels(PreviewLabels.of(source, number))
            .list()
            .getItems());
  }

  /** All ready, and at least as many as were deployed (the list may lag behind the apply). */
  boolean allReady(int expected) {
    return !apps.isEmpty()
        && apps.size() >= expected
        && apps.stream().allMatch(PreviewHealth::ready);
  }

  String names() {
    return apps.stream()
        .map(
            a ->
                a.getSpec().getDisplayName() == null
                    ? a.getMetadata().getName()
                    : a.getSpec().getDisplayName())
        .sorted()
        .collect(Collectors.joining(", "));
  }

  String firstFailure() {
    return apps.stream()
        .filter(a -> !ready(a))
        .findFirst()
        .map(
            a -> {
              Condition c = ready(a) ? null : condition(a);
              String name =
                  a.getSpec().getDisplayName() == null
                      ? a.getMetadata().getName()
                      : a.getSpec().getDisplayName();
              return c == null
                  ? name + ": not reconciled"
                  : name
                      + ": "
                      + c.getReason()
                      + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
            })
        .orElse("preview apps did not become ready");
  }

  private static Condition condition(CFApp app) {
    return app.getStatus() == null
        ? null
        : Conditions.get(app.getStatus(), Conditions.READY).orElse(null);
  }

  private static boolean ready(CFApp app) {
    Condition ready = condition(app);
    return app.getStatus() != null
        && app.getStatus().getObservedGeneration() != null
        && app.getStatus().getObservedGeneration().equals(app.getMetadata().getGeneration())
        && ready != null
        && Conditions.TRUE.equals(ready.getStatus());
  }
}
