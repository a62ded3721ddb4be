package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.gitsync.ErrorKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryPipelineTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final FakeCluster cluster = new FakeCluster();
  private final DeliveryPipeline pipeline =
      new DeliveryPipeline(cluster, cluster, new ParallelWrites(pool));

  private final List<HasMetadata> v1 =
      Compiled.objects(
          Map.of(
              "acme/prod/web/manifest.yml", Compiled.app("web", "web:1", "a"),
              "acme/prod/api/manifest.yml", Compiled.app("api", "api:1", "a")));

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void aFirstDeliveryWritesNamespacesFirstThenChecksEverythingThenWritesInDependencyOrder()
      throws Exception {
    DeliveryResult result = pipeline.deliver(Compiled.delivery(v1, true));

    List<String> calls = cluster.calls;
    int lastNamespace = lastIndex(calls, "apply Namespace/");
    int firstDryRun = firstIndex(calls, "dry-run ");
    int lastDryRun = lastIndex(calls, "dry-run ");
    assertThat(lastNamespace).isLessThan(firstDryRun);
    assertThat(calls.subList(lastDryRun + 1, calls.size())).allMatch(c -> c.startsWith("apply "));
    assertThat(lastIndex(calls, "apply CFSpace/")).isLessThan(firstIndex(calls, "apply Secret/"));
    assertThat(lastIndex(calls, "apply Secret/")).isLessThan(firstIndex(calls, "apply CFApp/"));
    assertThat(lastIndex(calls, "apply CFApp/")).isLessThan(firstIndex(calls, "apply CFRoute/"));
    assertThat(result.written()).isEqualTo(cluster.writes().size());
    assertThat(
            cluster.get("CFApp", "acme-prod", "web").orElseThrow().getMetadata().getAnnotations())
        .containsEntry(Labels.REVISION, "main@sha1:abc");
  }

  @Test
  void anUnchangedRevisionCostsNoWrite() throws Exception {
    pipeline.deliver(Compiled.delivery(v1, true));
    cluster.calls.clear();

    DeliveryResult again = pipeline.deliver(Compiled.delivery(v1, true));

    assertThat(cluster.calls).isEmpty();
    assertThat(again.written()).isZero();
    assertThat(again.unchanged()).isEqualTo(again.plan().changes().size());
  }

  @Test
  void anObjectEditedByHandIsComparedAgainAndSetBack() throws Exception {
    pipeline.deliver(Compiled.delivery(v1, true));
    pipeline.deliver(Compiled.delivery(v1, true)); // unchanged: remembered as satisfied
    cluster.editByHand(
        "CFApp",
        "acme-prod",
        "web",
        app ->
            ((dev.gitfoundry.api.v1alpha1.CFApp) app)
                .getSpec()
                .getProcesses()
                .get(0)
                .setInstances(7));
    cluster.calls.clear();

    DeliveryResult result = pipeline.deliver(Compiled.delivery(v1, true));

    assertThat(cluster.writes()).containsExactly("apply CFApp/acme-prod/web");
    assertThat(result.plan().writes().get(0).fields()).contains("spec.processes[web].instances");
  }

  @Test
  void aOneAppChangeWritesThatAppsObjectsOnly() throws Exception {
    pipeline.deliver(Compiled.delivery(v1, true));
    cluster.calls.clear();
    List<HasMetadata> v2 =
        Compiled.objects(
            Map.of(
                "acme/prod/web/manifest.yml", Compiled.app("web", "web:1", "b"),
                "acme/prod/api/manifest.yml", Compiled.app("api", "api:1", "a")));

    DeliveryResult result = pipeline.deliver(Compiled.delivery(v2, true));

    assertThat(cluster.writes()).containsExactly("apply Secret/acme-prod/web-env");
    assertThat(result.plan().writes().get(0).fields()).contains("data.VERSION");
  }

  @Test
  void whatTheApiRefusesInTheDryRunIsRefusedWholeAndNothingIsLeftBehind() {
    cluster.refusing(
        o -> o.getKind().equals("CFApp") && o.getMetadata().getName().equals("api"), 422);

    assertThatThrownBy(() -> pipeline.deliver(Compiled.delivery(v1, true)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
              assertThat(e.reason()).isEqualTo(DeliveryException.APPLY_FAILED);
              assertThat(e.getMessage())
                  .contains("CFApp/acme-prod/api", "denied by policy", "nothing was written");
            });
    assertThat(cluster.writes())
        .noneMatch(c -> c.startsWith("apply ") && !c.contains("Namespace/"));
    assertThat(cluster.objects).isEmpty(); // the namespaces it created were given back
  }

  @Test
  void aServerErrorInTheDryRunIsTransient() {
    cluster.refusing(o -> o.getKind().equals("CFRoute"), 503);

    assertThatThrownBy(() -> pipeline.deliver(Compiled.delivery(v1, true)))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
  }

  @Test
  void whatGitNoLongerHasIsPrunedLastKindFirst() throws Exception {
    pipeline.deliver(Compiled.delivery(v1, true));
    cluster.calls.clear();
    List<HasMetadata> withoutApi =
        Compiled.objects(Map.of("acme/prod/web/manifest.yml", Compiled.app("web", "web:1", "a")));

    DeliveryResult result = pipeline.deliver(Compiled.delivery(withoutApi, true));

    assertThat(cluster.writes())
        .containsSubsequence(
            "delete CFRoute/acme-prod/api-apps-example-com", "delete CFApp/acme-prod/api")
        .contains("delete Secret/acme-prod/api-env");
    assertThat(result.pruned()).isEqualTo(3);
    assertThat(cluster.get("CFApp", "acme-prod", "web")).isPresent();
  }

  @Test
  void withoutPruneNothingIsDeleted() throws Exception {
    pipeline.deliver(Compiled.delivery(v1, true));
    cluster.calls.clear();
    List<HasMetadata> withoutApi =
        Compiled.objects(Map.of("acme/prod/web/manifest.yml", Compiled.app("web", "web:1", "a")));

    pipeline.deliver(Compiled.delivery(withoutApi, false));

    assertThat(cluster.writes()).isEmpty();
  }

  @Test
  void aScopeThatAdoptsNothingRefusesANamespaceMadeByHand() {
    cluster.with(
        new NamespaceBuilder().withNewMetadata().withName("acme-prod").endMetadata().build());
    DeliveryScope preview =
        new DeliveryScope(
            Map.of(
                Labels.PREVIEW_SOURCE, "manifests",
                Labels.PREVIEW_SOURCE_NAMESPACE, "team",
                Labels.PULL_REQUEST, "7"),
            "gitfoundry-preview",
            Set.of(),
            false);

    assertThatThrownBy(
            () ->
                pipeline.deliver(
                    new Delivery(
                        preview,
                        "pull/7@sha1:abc",
                        List.of("acme-prod"),
                        List.of(),
                        List.of(),
                        true,
                        true)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
              assertThat(e.getMessage()).contains("acme-prod", "not created by Gitfoundry");
            });
  }

  @Test
  void anObjectOutsideTheAllowedNamespacesIsRefusedBeforeAnyWrite() {
    DeliveryScope narrow =
        new DeliveryScope(Compiled.BRANCH.ownerLabels(), "gitfoundry", Set.of("elsewhere"), true);

    assertThatThrownBy(
            () -> pipeline.deliver(new Delivery(narrow, "r", List.of(), v1, List.of(), true, true)))
        .isInstanceOf(DeliveryException.class)
        .hasMessageContaining("outside the namespaces");
    assertThat(cluster.calls).isEmpty();
  }

  private static int firstIndex(List<String> calls, String prefix) {
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndex(List<String> calls, String prefix) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
