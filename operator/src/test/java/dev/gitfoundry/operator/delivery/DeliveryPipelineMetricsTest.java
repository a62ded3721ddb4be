package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the pipeline tells its {@link DeliveryMetrics}: stages in order, and object counts. */
class DeliveryPipelineMetricsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final FakeCluster cluster = new FakeCluster();
  private final Recorded recorded = new Recorded();
  private final DeliveryPipeline pipeline =
      new DeliveryPipeline(cluster, cluster, new ParallelWrites(pool), recorded);

  private final List<HasMetadata> v1 =
      Compiled.objects(
          Map.of(
              "acme/prod/web/manifest.yml", Compiled.app("web", "web:1", "a"),
              "acme/prod/api/manifest.yml", Compiled.app("api", "api:1", "a")));

  /** Keeps what it is told, as text. */
  static final class Recorded implements DeliveryMetrics {
    final List<String> stages = new ArrayList<>();
    final List<String> objects = new ArrayList<>();

    @Override
    public synchronized void stage(Stage stage, Target target, Duration took) {
      assertThat(took.isNegative()).isFalse();
      stages.add(stage.label() + " " + target.kind().label() + " " + target.source());
    }

    @Override
    public synchronized void objects(Target target, long written, long unchanged, long pruned) {
      objects.add(target.source() + " " + written + "/" + unchanged + "/" + pruned);
    }
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void aDeliveryIsTimedStageByStageAndItsObjectsCounted() throws Exception {
    DeliveryResult first = pipeline.deliver(Compiled.delivery(v1, true));
    DeliveryResult again = pipeline.deliver(Compiled.delivery(v1, true));

    assertThat(recorded.stages)
        .containsExactly(
            "plan branch team/manifests",
            "dry-run branch team/manifests",
            "apply branch team/manifests",
            "prune branch team/manifests",
            "plan branch team/manifests");
    assertThat(first.written()).isPositive();
    assertThat(recorded.objects)
        .containsExactly(
            "team/manifests " + first.written() + "/0/0",
            "team/manifests 0/" + again.unchanged() + "/0");
  }

  @Test
  void aRefusedDryRunIsTimedAndWritesNothingToCount() {
    cluster.refusing(o -> o.getKind().equals("CFApp"), 422);

    assertThatThrownBy(() -> pipeline.deliver(Compiled.delivery(v1, true)))
        .isInstanceOf(DeliveryException.class);
    assertThat(recorded.stages)
        .containsExactly("plan branch team/manifests", "dry-run branch team/manifests");
    assertThat(recorded.objects).isEmpty();
  }

  @Test
  void aPreviewIsMeasuredAsItsGitSourceNeverAsItsPullRequest() {
    DeliveryScope preview =
        new DeliveryScope(
            Map.of(
                Labels.PREVIEW_SOURCE, "manifests",
                Labels.PREVIEW_SOURCE_NAMESPACE, "team",
                Labels.PULL_REQUEST, "42"),
            "gitfoundry-preview",
            Set.of(),
            false);

    assertThat(DeliveryMetrics.Target.of(preview))
        .isEqualTo(new DeliveryMetrics.Target(DeliveryMetrics.Kind.PREVIEW, "team/manifests"));
    assertThat(DeliveryMetrics.Target.of(Compiled.BRANCH))
        .isEqualTo(new DeliveryMetrics.Target(DeliveryMetrics.Kind.BRANCH, "team/manifests"));
  }
}
