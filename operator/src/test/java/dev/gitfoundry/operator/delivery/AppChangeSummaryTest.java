package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.AppChange;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a delivery did, told per app: what the status page, the history and CF events show. */
class AppChangeSummaryTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final FakeCluster cluster = new FakeCluster();
  private final DeliveryPipeline pipeline =
      new DeliveryPipeline(cluster, cluster, new ParallelWrites(pool));

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void addedChangedWithTheirFieldsAndRemoved() throws Exception {
    List<HasMetadata> v1 =
        Compiled.objects(
            Map.of(
                "acme/prod/web/manifest.yml", Compiled.app("web", "web:1", "a"),
                "acme/prod/api/manifest.yml", Compiled.app("api", "api:1", "a")));
    List<AppChange> first =
        AppChangeSummary.of(pipeline.deliver(Compiled.delivery(v1, true)).plan());
    assertThat(first).extracting(AppChange::getAction).containsOnly(AppChange.ADDED).hasSize(2);
    assertThat(first).extracting(AppChange::getSpace).containsOnly("prod");

    List<HasMetadata> v2 =
        Compiled.objects(
            Map.of(
                "acme/prod/web/manifest.yml", Compiled.app("web", "web:2", "b"),
                "acme/prod/new/manifest.yml", Compiled.app("new", "new:1", "a")));
    List<AppChange> second =
        AppChangeSummary.of(pipeline.deliver(Compiled.delivery(v2, true)).plan());

    assertThat(second)
        .extracting(c -> c.getAction() + " " + c.getApp())
        .containsExactlyInAnyOrder("changed web", "added new", "removed api");
    AppChange web = second.stream().filter(c -> c.getApp().equals("web")).findFirst().orElseThrow();
    assertThat(web.getFields()).contains("env.VERSION").anyMatch(f -> f.startsWith("lifecycle"));
  }

  @Test
  void anUnchangedRevisionChangesNoApp() throws Exception {
    List<HasMetadata> v1 =
        Compiled.objects(Map.of("acme/prod/web/manifest.yml", Compiled.app("web", "web:1", "a")));
    pipeline.deliver(Compiled.delivery(v1, true));
    assertThat(AppChangeSummary.of(pipeline.deliver(Compiled.delivery(v1, true)).plan())).isEmpty();
  }
}
