package dev.gitfoundry.e2e.image;

import static dev.gitfoundry.e2e.image.OperatorImageE2E.FOUNDATION;
import static dev.gitfoundry.e2e.image.OperatorImageE2E.app;
import static dev.gitfoundry.e2e.image.OperatorImageE2E.awaitWithLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.e2e.GiteaSources;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaContainer;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import dev.gitfoundry.testing.TempDir;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What only a container engine can do to the forge, with the operator image run as the chart runs
 * it: Gitea frozen ({@code pause}: connections hang, nothing is refused) while a push waits to be
 * fetched, and Gitea restarted. Nothing may be pruned or lost; the operator catches up by itself.
 */
@EnabledIfSystemProperty(
    named = OperatorContainer.TARBALL_PROPERTY,
    matches = ".+",
    disabledReason = "the image is built and tested with -Pimage")
class GiteaFaultsE2E {
  private static final String WEBHOOK_SECRET = "faults-webhook";
  private static final String PAUSE_SPACE = "pausing-dev";
  private static final String HOOK_SPACE = "hookrestart-dev";
  private static final String POLL_SPACE = "pollrestart-dev";

  private static KubernetesClient client;
  private static GiteaServer gitea;
  private static GiteaContainer container;
  private static TempDir work;
  private static OperatorContainer operator;
  private static String namespace;

  @BeforeAll
  static void start() throws Exception {
    KubeCluster cluster = KubeCluster.shared();
    client = cluster.client();
    gitea = GiteaServer.startContainer(); // a private one: these tests freeze and restart it
    container = gitea.container().orElseThrow();
    work = TempDir.create("gitea-faults");
    namespace = cluster.createNamespace("faults");
    GiteaSources.createSecret(client, namespace, gitea, WEBHOOK_SECRET);
    Path volumes = Files.createDirectories(work.resolve("volumes"));
    operator =
        OperatorContainer.create(
            OperatorContainer.loadImage(),
            cluster.api(),
            namespace,
            List.of(namespace, PAUSE_SPACE, HOOK_SPACE, POLL_SPACE),
            volumes);
    operator.start();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.stop();
    }
    if (gitea != null) {
      gitea.close();
    }
    if (work != null) {
      work.close();
    }
  }

  @Test
  void aFrozenForgeTimesOutPrunesNothingAndIsCaughtUpWithOnceItThaws() {
    String repo = gitea.createRepository("pausing");
    try (GitWorkingCopy clone = GitWorkingCopy.clone(gitea, repo)) {
      String first =
          clone
              .write("foundation.yml", FOUNDATION)
              .write("pausing/dev/a/manifest.yml", app("a"))
              .commitAndPush("app a");
      source("pausing", repo, "3s", true);
      awaitWithLog(operator, () -> hasStatus(repo, first, "success"), "success on " + first);

      String second = clone.write("pausing/dev/b/manifest.yml", app("b")).commitAndPush("app b");
      container.pause();
      long paused = System.nanoTime();
      try {
        awaitWithLog(
            operator,
            () -> "FetchFailed".equals(readyReason("pausing")),
            "a poll of the frozen Gitea to time out (FetchFailed)");
        System.out.printf(
            "[faults] Gitea frozen: FetchFailed after %d s: %s%n",
            (System.nanoTime() - paused) / 1_000_000_000,
            ready("pausing").map(Condition::getMessage).orElse(""));
        assertThat(client.resources(CFApp.class).inNamespace(PAUSE_SPACE).withName("a").get())
            .as("nothing pruned while the forge is unreachable")
            .isNotNull();
      } finally {
        container.unpause();
      }
      awaitWithLog(operator, () -> hasStatus(repo, second, "success"), "success after the thaw");
      assertThat(client.resources(CFApp.class).inNamespace(PAUSE_SPACE).list().getItems())
          .extracting(app -> app.getMetadata().getName())
          .containsExactlyInAnyOrder("a", "b");
      Map<String, Long> posted = GiteaSources.postedCounts(gitea, repo, second);
      System.out.println("[faults] statuses on the commit pushed before the freeze: " + posted);
      assertThat(posted)
          .as("none lost")
          .containsKeys("pending applied, 0/2 apps ready", "success 2/2 apps running");
    }
  }

  @Test
  void afterARestartOfTheForgeWebhooksAndPollsBringNewCommitsAgain() {
    String hooked = gitea.createRepository("hookrestart");
    String polled = gitea.createRepository("pollrestart");
    try (GitWorkingCopy hooks = GitWorkingCopy.clone(gitea, hooked);
        GitWorkingCopy polls = GitWorkingCopy.clone(gitea, polled)) {
      String hookFirst =
          hooks
              .write("foundation.yml", FOUNDATION)
              .write("hookrestart/dev/a/manifest.yml", app("a"))
              .commitAndPush("app a");
      String pollFirst =
          polls
              .write("foundation.yml", FOUNDATION)
              .write("pollrestart/dev/a/manifest.yml", app("a"))
              .commitAndPush("app a");
      gitea.createWebhook(hooked, operator.url() + "/hooks/gitea", WEBHOOK_SECRET);
      source("hookrestart", hooked, "1h", true); // polled hourly: only webhooks are in time
      source("pollrestart", polled, "3s", false);
      awaitWithLog(operator, () -> hasStatus(hooked, hookFirst, "success"), "first webhook repo");
      awaitWithLog(operator, () -> hasStatus(polled, pollFirst, "success"), "first polled repo");

      long restart = System.nanoTime();
      container.restart();
      System.out.printf(
          "[faults] Gitea restarted in %d ms%n", (System.nanoTime() - restart) / 1_000_000);

      String hookNext = hooks.write("hookrestart/dev/b/manifest.yml", app("b")).commitAndPush("b");
      String pollNext = polls.write("pollrestart/dev/b/manifest.yml", app("b")).commitAndPush("b");
      long pushed = System.nanoTime();
      awaitWithLog(operator, () -> hasStatus(hooked, hookNext, "success"), "webhook after restart");
      System.out.printf(
          "[faults] after the restart: webhook push -> success in %d ms%n",
          (System.nanoTime() - pushed) / 1_000_000);
      awaitWithLog(operator, () -> hasStatus(polled, pollNext, "success"), "poll after restart");
      System.out.printf(
          "[faults] after the restart: polled push -> success in %d ms%n",
          (System.nanoTime() - pushed) / 1_000_000);
      assertThat(client.resources(CFApp.class).inNamespace(HOOK_SPACE).list().getItems())
          .hasSize(2);
      assertThat(client.resources(CFApp.class).inNamespace(POLL_SPACE).list().getItems())
          .hasSize(2);
    }
  }

  private static void source(String name, String repo, String interval, boolean webhooks) {
    client
        .resource(
            GiteaSources.gitSource(
                namespace, name, gitea.cloneUrl(repo), gitea, interval, webhooks))
        .create();
  }

  private static Optional<Condition> ready(String source) {
    GitSource current =
        client.resources(GitSource.class).inNamespace(namespace).withName(source).get();
    return current == null || current.getStatus() == null
        ? Optional.empty()
        : Conditions.get(current.getStatus(), Conditions.READY);
  }

  private static String readyReason(String source) {
    return ready(source).map(Condition::getReason).orElse("");
  }

  private static boolean hasStatus(String repo, String sha, String state) {
    JsonNode latest = GiteaSources.latestStatus(gitea, repo, sha);
    return latest != null && state.equals(latest.get("status").asText());
  }
}
