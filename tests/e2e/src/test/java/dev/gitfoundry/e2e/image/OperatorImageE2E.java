package dev.gitfoundry.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.e2e.GiteaSources;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.ContainerEngine;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import dev.gitfoundry.testing.TempDir;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The operator image under a real container engine (podman here, through its Docker API), run as
 * the chart runs it ({@link OperatorContainer}), against the test control plane and the Gitea
 * container: the image as the engine reads it, a push applied to {@code success}, the JVM's heap
 * sized by the container's memory limit, and a SIGKILL in the middle of an apply.
 */
@EnabledIfSystemProperty(
    named = OperatorContainer.TARBALL_PROPERTY,
    matches = ".+",
    disabledReason = "the image is built and tested with -Pimage")
class OperatorImageE2E {
  private static final Duration LOOP = Duration.ofMinutes(4);
  private static final long MEBI = 1024 * 1024;

  private static KubeCluster cluster;
  private static KubernetesClient client;
  private static GiteaServer gitea;
  private static String image;
  private static TempDir work;

  @BeforeAll
  static void start() {
    cluster = KubeCluster.shared();
    client = cluster.client();
    gitea = GiteaServer.shared();
    assertThat(gitea.container()).as("the Gitea of this test runs in the engine").isPresent();
    image = OperatorContainer.loadImage();
    work = TempDir.create("operator-image");
  }

  @AfterAll
  static void stop() {
    if (work != null) {
      work.close();
    }
  }

  @Test
  void theEngineReadsTheImagesUserEntrypointPortAndLabels() {
    ContainerConfig config = ContainerEngine.client().inspectImageCmd(image).exec().getConfig();
    System.out.printf(
        "[image] %s: user %s, entrypoint %s %s, ports %s, labels %s%n",
        image,
        config.getUser(),
        List.of(config.getEntrypoint()),
        List.of(config.getCmd()),
        List.of(config.getExposedPorts()),
        config.getLabels());
    assertThat(config.getUser()).isEqualTo("65532:65532");
    assertThat(config.getEntrypoint()).containsExactly("java", "-jar", "/app/gitfoundry.jar");
    assertThat(config.getCmd()).containsExactly("run");
    assertThat(config.getExposedPorts())
        .containsExactlyInAnyOrder(ExposedPort.tcp(8080), ExposedPort.tcp(9090));
    assertThat(config.getLabels())
        .containsEntry("org.opencontainers.image.title", "gitfoundry-operator")
        .containsEntry(
            "org.opencontainers.image.version", System.getProperty("gitfoundry.project.version"))
        .containsKey("org.opencontainers.image.description");
  }

  @Test
  void theJvmSizesItsHeapFromTheContainersMemoryLimit() {
    String namespace = cluster.createNamespace("image-heap");
    long limit;
    String flags;
    try (OperatorContainer jvm =
        OperatorContainer.create(image, cluster.api(), namespace, List.of(namespace), volumes())) {
      jvm.withCreateContainerCmdModifier(
              cmd -> cmd.withEntrypoint("java").withCmd("-XX:+PrintFlagsFinal", "-version"))
          .withStartupCheckStrategy(
              new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))
          .waitingFor(Wait.forLogMessage(".*MaxHeapSize.*\\n", 1));
      jvm.start();
      limit = jvm.getContainerInfo().getHostConfig().getMemory();
      flags = jvm.getLogs();
    }
    Matcher maxHeap = Pattern.compile("size_t MaxHeapSize\\s+= (\\d+)").matcher(flags);
    assertThat(maxHeap.find()).as("MaxHeapSize in:\n" + flags).isTrue();
    long heap = Long.parseLong(maxHeap.group(1));
    System.out.printf(
        "[image] memory limit %d MiB, JAVA_TOOL_OPTIONS \"%s\": MaxHeapSize %d MiB%n",
        limit / MEBI, javaToolOptions(namespace), heap / MEBI);
    assertThat(limit).isEqualTo(768 * MEBI);
    assertThat(heap).as("MaxRAMPercentage=75 of the 768 MiB limit").isEqualTo(576 * MEBI);
  }

  @Test
  void aPushIsAppliedAndItsCommitGetsSuccess() {
    String namespace = cluster.createNamespace("image-push");
    String repo = gitea.createRepository("image-push-" + System.nanoTime());
    GiteaSources.createSecret(client, namespace, gitea, "image-webhook");
    try (OperatorContainer operator =
            OperatorContainer.create(
                image, cluster.api(), namespace, List.of(namespace, "imagepush-dev"), volumes());
        GitWorkingCopy clone = GitWorkingCopy.clone(gitea, repo)) {
      long starting = System.nanoTime();
      operator.start();
      System.out.printf(
          "[image] operator container ready (/readyz) in %d ms%n",
          (System.nanoTime() - starting) / 1_000_000);
      InspectContainerResponse running = operator.getContainerInfo();
      assertThat(running.getConfig().getUser()).isEqualTo("65532:65532");
      assertThat(running.getHostConfig().getReadonlyRootfs()).isTrue();
      assertThat(running.getHostConfig().getMemory()).isEqualTo(768 * MEBI);
      gitea.createWebhook(repo, operator.url() + "/hooks/gitea", "image-webhook");
      client
          .resource(
              GiteaSources.gitSource(namespace, "push", gitea.cloneUrl(repo), gitea, "1h", true))
          .create();
      // The first poll finds the repository's initial commit, which has no space: a failure.
      String initial = gitea.headCommit(repo, "main");
      awaitWithLog(operator, () -> hasStatus(repo, initial, "failure"), "the first poll's status");
      // Polled every hour: only the webhook can bring the next commit in time.
      clone.write("foundation.yml", FOUNDATION);

      String sha = clone.write("imagepush/dev/web/manifest.yml", app("web")).commitAndPush("web");
      awaitWithLog(operator, () -> hasStatus(repo, sha, "success"), "success on " + sha);
      assertThat(client.resources(CFApp.class).inNamespace("imagepush-dev").withName("web").get())
          .isNotNull();
      assertThat(GiteaSources.postedCounts(gitea, repo, sha))
          .containsEntry("pending applied, 0/1 apps ready", 1L)
          .containsEntry("success 1/1 apps running", 1L);
      assertThat(operator.getLogs())
          .as("errors in the operator's log, e.g. a write outside its volumes")
          .doesNotContain(" ERROR ", "Exception");
    }
  }

  @Test
  void anOperatorKilledMidApplyConvergesWithEveryStatusOnce() {
    int apps = 120;
    int expected = 2 * apps; // a CFApp and its default CFRoute each
    String space = "imagecrash-dev";
    String namespace = cluster.createNamespace("image-crash");
    String repo = gitea.createRepository("image-crash-" + System.nanoTime());
    GiteaSources.createSecret(client, namespace, gitea, null);
    try (OperatorContainer operator =
            OperatorContainer.create(
                image, cluster.api(), namespace, List.of(namespace, space), volumes());
        GitWorkingCopy clone = GitWorkingCopy.clone(gitea, repo)) {
      String sha =
          clone
              .write("foundation.yml", FOUNDATION)
              .write("imagecrash/dev/apps/manifest.yml", manyApps(apps))
              .commitAndPush(apps + " apps");
      operator.start();
      client
          .resource(
              GiteaSources.gitSource(namespace, "crash", gitea.cloneUrl(repo), gitea, "2s", false))
          .create();
      Await.until(
          "the apply to be under way",
          LOOP,
          () -> {
            assertThat(operator.isRunning()).as("operator running").isTrue();
            return written(space) >= apps / 2;
          });
      operator.kill();
      int atKill = written(space);
      System.out.printf("[image] SIGKILL with %d of %d objects written%n", atKill, expected);
      assertThat(atKill).as("killed in the middle of the apply").isLessThan(expected);

      operator.startAgain();
      awaitWithLog(operator, () -> hasStatus(repo, sha, "success"), "success after the restart");
      assertThat(written(space)).isEqualTo(expected);
      // Per app a CFApp, its CFRoute and its env Secret; the CFOrg and CFSpace and their
      // Namespaces. The status that records them is written at the end of the reconcile that
      // posted success, a moment after the post.
      int inventory = 3 * apps + 4;
      try {
        Await.until(
            "the inventory lists the " + inventory + " objects applied",
            Duration.ofSeconds(60),
            () -> inventorySize(client, namespace) == inventory);
      } catch (IllegalStateException e) {
        GitSource source =
            client.resources(GitSource.class).inNamespace(namespace).withName("crash").get();
        throw new AssertionError(
            "inventory in the status "
                + Serialization.asYaml(source.getStatus())
                + "\noperator log:\n"
                + operator.getLogs(),
            e);
      }
      Map<String, Long> posted = GiteaSources.postedCounts(gitea, repo, sha);
      System.out.println("[image] statuses on the commit: " + posted);
      assertThat(posted)
          .as("every status once")
          .allSatisfy((status, count) -> assertThat(count).as(status).isEqualTo(1));
      assertThat(posted)
          .containsKeys(
              "pending applied, 0/" + apps + " apps ready",
              "success " + apps + "/" + apps + " apps running");
    }
  }

  static final String FOUNDATION = "domains: [apps.127.0.0.1.nip.io]\n";

  static String app(String name) {
    return "applications:\n- name: "
        + name
        + "\n  docker: {image: hashicorp/http-echo:1.0}\n  memory: 32M\n";
  }

  private static String manyApps(int count) {
    StringBuilder yaml = new StringBuilder("applications:\n");
    for (int i = 0; i < count; i++) {
      yaml.append("- name: app-")
          .append(i)
          .append("\n  docker: {image: hashicorp/http-echo:1.0}\n  memory: 32M\n");
    }
    return yaml.toString();
  }

  private static int written(String space) {
    return client.resources(CFApp.class).inNamespace(space).list().getItems().size()
        + client.resources(CFRoute.class).inNamespace(space).list().getItems().size();
  }

  private static boolean hasStatus(String repo, String sha, String state) {
    JsonNode latest = GiteaSources.latestStatus(gitea, repo, sha);
    return latest != null && state.equals(latest.get("status").asText());
  }

  private static String javaToolOptions(String namespace) {
    return OperatorContainer.chartContainer(namespace).getEnv().stream()
        .filter(e -> "JAVA_TOOL_OPTIONS".equals(e.getName()))
        .map(e -> e.getValue())
        .findFirst()
        .orElse("");
  }

  /** The emptyDirs of one operator container, removed with {@code work} after the class. */
  private static java.nio.file.Path volumes() {
    try {
      return java.nio.file.Files.createTempDirectory(work.path(), "volumes-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void awaitWithLog(
      OperatorContainer operator, java.util.function.BooleanSupplier condition, String what) {
    try {
      Await.until(
          what,
          LOOP,
          () -> {
            if (!operator.isRunning()) {
              throw new AssertionError("the operator stopped; its log:\n" + operator.logTail());
            }
            return condition.getAsBoolean();
          });
    } catch (IllegalStateException e) {
      throw new AssertionError(e.getMessage() + "\noperator log:\n" + operator.logTail(), e);
    }
  }

  private static int inventorySize(KubernetesClient client, String namespace) {
    GitSource source =
        client.resources(GitSource.class).inNamespace(namespace).withName("crash").get();
    return source == null || source.getStatus() == null || source.getStatus().getInventory() == null
        ? 0
        : source.getStatus().getInventory().stream().mapToInt(e -> e.getNames().size()).sum();
  }
}
