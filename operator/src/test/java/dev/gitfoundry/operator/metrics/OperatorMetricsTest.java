package dev.gitfoundry.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.RepositoryKey;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.operator.delivery.DeliveryMetrics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {
  private final RepositoryMetrics git = new RepositoryMetrics();
  private final AtomicBoolean leading = new AtomicBoolean();
  private final OperatorMetrics metrics = new OperatorMetrics(git, leading::get);

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void theJvmAndTheProcessAreMeasured() throws Exception {
    assertThat(families(scrape()))
        .contains(
            "jvm_memory_used_bytes",
            "jvm_gc_live_data_size_bytes",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "jvm_info",
            "process_cpu_usage",
            "process_cpu_time_ns_total",
            "process_uptime_seconds",
            "process_start_time_seconds",
            "process_files_open_files");
  }

  @Test
  void theLeaderGaugeFollowsTheLease() throws Exception {
    assertThat(scrape()).contains("\ngitfoundry_leader 0.0\n");
    leading.set(true);
    assertThat(scrape()).contains("\ngitfoundry_leader 1.0\n");
  }

  @Test
  void eachPolledRepositoryHasItsGitFamiliesWithoutCredentials() throws Exception {
    RepositoryKey key =
        RepositoryKey.of("https://deploy:s3cr3t-token@git.example.com/Team/App.git", "main");
    git.forRepository(key);

    String text = scrape();
    String labels = "{branch=\"main\",repository=\"git.example.com/team/app\"}";
    assertThat(text)
        .contains(
            "gitfoundry_git_polls_total" + labels + " 0.0",
            "gitfoundry_git_ls_remotes_total" + labels + " 0.0",
            "gitfoundry_git_fetches_total" + labels + " 0.0",
            "gitfoundry_git_fetched_bytes_total" + labels + " 0.0",
            "gitfoundry_git_failures_total" + labels + " 0.0",
            "gitfoundry_git_last_success_timestamp_seconds" + labels + " NaN",
            "gitfoundry_git_fetch_duration_seconds_count" + labels + " 0")
        .doesNotContain("s3cr3t", "deploy");

    git.remove(key);
    assertThat(scrape()).doesNotContain("git.example.com");
  }

  @Test
  void deliveryStagesAreHistogramsPerSourceAndKindWithFewBuckets() throws Exception {
    DeliveryMetrics delivery = metrics.delivery();
    var target = new DeliveryMetrics.Target(DeliveryMetrics.Kind.PREVIEW, "team/manifests");
    delivery.stage(DeliveryMetrics.Stage.DRY_RUN, target, Duration.ofMillis(40));
    delivery.stage(DeliveryMetrics.Stage.DRY_RUN, target, Duration.ofSeconds(3));
    delivery.objects(target, 7, 2, 1);

    String text = scrape();
    String tags = "kind=\"preview\",source=\"team/manifests\",stage=\"dry-run\"";
    assertThat(text)
        .contains(
            "gitfoundry_delivery_stage_duration_seconds_bucket{" + tags + ",le=\"0.05\"} 1",
            "gitfoundry_delivery_stage_duration_seconds_bucket{" + tags + ",le=\"5.0\"} 2",
            "gitfoundry_delivery_stage_duration_seconds_count{" + tags + "} 2",
            "gitfoundry_delivery_objects_total{action=\"written\","
                + "kind=\"preview\",source=\"team/manifests\"} 7.0",
            "gitfoundry_delivery_objects_total{action=\"unchanged\","
                + "kind=\"preview\",source=\"team/manifests\"} 2.0",
            "gitfoundry_delivery_objects_total{action=\"pruned\","
                + "kind=\"preview\",source=\"team/manifests\"} 1.0");
    assertThat(lines(text, "gitfoundry_delivery_stage_duration_seconds_bucket")).hasSize(17);
  }

  @Test
  void twoControllersOfOneKindAreCountedApart() throws Exception {
    Metrics josdk = metrics.controllers();
    GitSource source = new GitSource();
    source.setMetadata(new ObjectMetaBuilder().withName("hello").withNamespace("team").build());
    josdk.finishedReconciliation(source, metadata("gitsource"));
    josdk.finishedReconciliation(source, metadata("gitsource-previews"));
    josdk.finishedReconciliation(source, metadata("gitsource-previews"));
    josdk.receivedEvent(new Event(ResourceID.fromResource(source)), metadata("gitsource"));
    josdk.timeControllerExecution(execution("gitsource"));

    String text = scrape();
    assertThat(lines(text, "operator_sdk_reconciliations_success_total"))
        .anyMatch(l -> l.contains("controller=\"gitsource\"") && l.endsWith(" 1.0"))
        .anyMatch(l -> l.contains("controller=\"gitsource-previews\"") && l.endsWith(" 2.0"))
        .allMatch(l -> l.contains("kind=\"GitSource\""))
        .noneMatch(l -> l.contains("hello")); // never per resource
    assertThat(lines(text, "operator_sdk_events_received_total"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("controller=\"gitsource\""));
    assertThat(lines(text, "operator_sdk_controllers_execution_reconcile_seconds_bucket"))
        .hasSize(17)
        .allMatch(l -> l.contains("controller=\"gitsource\""));
    assertThat(text).doesNotContain("quantile=");
  }

  @Test
  void openMetricsIsServedWhenAskedFor() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(metrics.scrape("application/openmetrics-text; version=1.0.0", out))
        .startsWith("application/openmetrics-text");
    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("# EOF\n");
    assertThat(metrics.scrape("*/*", new ByteArrayOutputStream()))
        .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
  }

  private static Map<String, Object> metadata(String controller) {
    return Map.of(
        Constants.CONTROLLER_NAME,
        controller,
        Constants.RESOURCE_GVK_KEY,
        GroupVersionKind.gvkFor(GitSource.class));
  }

  private static Metrics.ControllerExecution<String> execution(String controller) {
    return new Metrics.ControllerExecution<>() {
      @Override
      public String name() {
        return "reconcile";
      }

      @Override
      public String controllerName() {
        return controller;
      }

      @Override
      public String successTypeName(String result) {
        return "resource";
      }

      @Override
      public ResourceID resourceID() {
        return new ResourceID("hello", "team");
      }

      @Override
      public Map<String, Object> metadata() {
        return Map.of(Constants.RESOURCE_GVK_KEY, GroupVersionKind.gvkFor(GitSource.class));
      }

      @Override
      public String execute() {
        return "done";
      }
    };
  }

  private String scrape() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metrics.scrape(null, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> families(String text) {
    return Arrays.stream(text.split("\n"))
        .filter(l -> l.startsWith("# TYPE "))
        .map(l -> l.split(" ")[2])
        .toList();
  }

  private static List<String> lines(String text, String name) {
    return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(name + "{")).toList();
  }
}
