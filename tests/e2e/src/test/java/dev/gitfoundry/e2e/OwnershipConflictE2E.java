package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two GitSources, in two namespaces and with two repositories, both declare org {@code shared}
 * space {@code dev}. The first to apply keeps them and its app runs on untouched; the second is
 * refused whole (commit status failure, Ready=False OwnershipConflict, a Warning Event, nothing
 * applied, not even its other space) until the first drops the space from Git; then the second
 * converges without a push of its own. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnershipConflictE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);
  private static final String SOURCE = "platform"; // the same name in both namespaces on purpose
  private static final String SHARED_SPACE = "shared-dev";
  private static KubernetesClient client;
  private static GiteaServer gitea;
  private static GitfoundryOperator operator;
  private static Team first;
  private static Team second;

  /** One team: its namespace (where its GitSource lives), repository and working copy. */
  private record Team(String namespace, String repo, GitWorkingCopy workingCopy) {}

  @BeforeAll
  static void start() throws Exception {
    KubeCluster cluster = KubeCluster.shared();
    gitea = GiteaServer.shared();
    client = cluster.client();
    operator =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults().withPublicBaseUrl(URI.create("http://127.0.0.1:0")),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", 0),
            Clock.systemUTC());
    operator.start();
    first = team(cluster, "own-first");
    second = team(cluster, "own-second");
  }

  @AfterAll
  static void stop() throws Exception {
    // Later tests share the cluster: leave no source behind that would be rechecked every minute.
    for (Team team : new Team[] {first, second}) {
      if (team != null) {
        client.resources(GitSource.class).inNamespace(team.namespace()).withName(SOURCE).delete();
      }
    }
    for (Team team : new Team[] {first, second}) {
      if (team != null) {
        Await.until(
            "GitSource " + team.namespace() + "/" + SOURCE + " deleted",
            LOOP,
            () -> source(team) == null);
        team.workingCopy().close();
      }
    }
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  @Order(1)
  void theFirstSourceAppliesTheSpace() {
    String sha =
        first
            .workingCopy()
            .write("shared/dev/alpha/manifest.yml", app("alpha"))
            .write("solo-a/dev/keeper/manifest.yml", app("keeper"))
            .commitAndPush("alpha in shared/dev");
    client.resource(gitSource(first)).create();
    awaitState(first, sha, "success");
    assertThat(statefulSet("alpha-web")).isNotNull();
  }

  @Test
  @Order(2)
  void aSecondSourceClaimingTheSameSpaceIsRefusedWholeAndChangesNothing() {
    StatefulSet alphaBefore = statefulSet("alpha-web");
    String sha =
        second
            .workingCopy()
            .write("shared/dev/beta/manifest.yml", app("beta"))
            .write("solo-b/dev/extra/manifest.yml", app("extra"))
            .commitAndPush("beta in shared/dev");
    client.resource(gitSource(second)).create();

    awaitState(second, sha, "failure");
    String expected =
        "space shared/dev is managed by GitSource "
            + first.namespace()
            + "/"
            + SOURCE
            + " (and 1 more)"; // the org shared
    assertThat(latest(second, sha).get("description").asText()).isEqualTo(expected);
    Condition ready = awaitReady(second, "OwnershipConflict");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("OwnershipConflict");
    assertThat(ready.getMessage()).isEqualTo(expected);
    Await.until(
        "a Warning OwnershipConflict Event on the second GitSource",
        LOOP,
        () -> events(second, "OwnershipConflict").size() == 1);
    assertThat(events(second, "OwnershipConflict").get(0).getType()).isEqualTo("Warning");

    // Nothing of the refused revision exists, not even its uncontested space.
    GitSource refused = source(second);
    assertThat(refused.getStatus().getLastAppliedRevision()).isNull();
    assertThat(refused.getStatus().getInventory()).isNullOrEmpty();
    assertThat(client.resources(CFOrg.class).inNamespace(second.namespace()).list().getItems())
        .isEmpty();
    assertThat(client.resources(CFSpace.class).inNamespace(second.namespace()).list().getItems())
        .isEmpty();
    assertThat(client.namespaces().withName("solo-b-dev").get()).isNull();
    assertThat(client.resources(CFApp.class).inNamespace(SHARED_SPACE).withName("beta").get())
        .isNull();

    // The first source's app is untouched and still its own.
    StatefulSet alpha = statefulSet("alpha-web");
    assertThat(alpha.getMetadata().getUid()).isEqualTo(alphaBefore.getMetadata().getUid());
    assertThat(alpha.getMetadata().getGeneration())
        .isEqualTo(alphaBefore.getMetadata().getGeneration());
    assertThat(
            client
                .resources(CFApp.class)
                .inNamespace(SHARED_SPACE)
                .withName("alpha")
                .get()
                .getMetadata()
                .getLabels())
        .containsEntry(Labels.SOURCE_NAMESPACE, first.namespace());
    assertThat(client.namespaces().withName(SHARED_SPACE).get().getMetadata().getLabels())
        .containsEntry(Labels.SOURCE_NAMESPACE, first.namespace());
    assertThat(awaitReady(first, "Succeeded").getStatus()).isEqualTo("True");
    // Refused once, not in a loop: one failure status on the commit.
    assertThat(gitea.commitStatuses(second.repo(), sha)).hasSize(1);
  }

  @Test
  @Order(3)
  void whenTheFirstDropsTheSpaceTheSecondConvergesWithoutAPush() {
    String secondSha = gitea.headCommit(second.repo(), "main");
    String sha =
        first.workingCopy().remove("shared").commitAndPush("shared/dev moves to the second team");
    long dropped = System.nanoTime();
    awaitState(first, sha, "success");

    awaitState(second, secondSha, "success");
    System.out.printf(
        "first source drops the space -> second source success: %.1f s%n",
        (System.nanoTime() - dropped) / 1e9);
    assertThat(awaitReady(second, "Succeeded").getStatus()).isEqualTo("True");
    assertThat(statefulSet("beta-web")).isNotNull();
    assertThat(client.resources(CFApp.class).inNamespace(SHARED_SPACE).withName("alpha").get())
        .isNull();
    assertThat(client.namespaces().withName(SHARED_SPACE).get().getMetadata().getLabels())
        .containsEntry(Labels.SOURCE_NAMESPACE, second.namespace());
    assertThat(client.namespaces().withName("solo-b-dev").get()).isNotNull();
    assertThat(client.apps().statefulSets().inNamespace("solo-a-dev").withName("keeper-web").get())
        .as("the first source's other space keeps running")
        .isNotNull();
  }

  private static Team team(KubeCluster cluster, String prefix) {
    String namespace = cluster.createNamespace(prefix);
    String repo = gitea.createRepository(prefix + "-" + System.nanoTime());
    gitea.createWebhook(
        repo, "http://127.0.0.1:" + operator.httpPort() + "/hooks/gitea", "hook-secret");
    GiteaSources.createSecret(client, namespace, gitea, "hook-secret");
    return new Team(namespace, repo, GitWorkingCopy.clone(gitea, repo));
  }

  private static String app(String name) {
    return "applications:\n- name: "
        + name
        + "\n  docker: {image: busybox}\n  no-route: true\n  health-check-type: process\n";
  }

  private static GitSource gitSource(Team team) {
    return GiteaSources.gitSource(
        team.namespace(), SOURCE, gitea.cloneUrl(team.repo()), gitea, "5s", true);
  }

  private static GitSource source(Team team) {
    return client.resources(GitSource.class).inNamespace(team.namespace()).withName(SOURCE).get();
  }

  /**
   * The commit status is posted during the reconcile and the GitSource status is written after it,
   * so the condition may lag the commit status by a moment.
   */
  private static Condition awaitReady(Team team, String reason) {
    Await.until(
        team.namespace() + "/" + SOURCE + " Ready reason " + reason,
        LOOP,
        () -> reason.equals(ready(team).getReason()));
    return ready(team);
  }

  private static Condition ready(Team team) {
    return Conditions.get(source(team).getStatus(), Conditions.READY).orElseThrow();
  }

  private static StatefulSet statefulSet(String name) {
    return client.apps().statefulSets().inNamespace(SHARED_SPACE).withName(name).get();
  }

  private static List<Event> events(Team team, String reason) {
    return client.v1().events().inNamespace(team.namespace()).list().getItems().stream()
        .filter(e -> "GitSource".equals(e.getInvolvedObject().getKind()))
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  /** Waits for a commit state; on timeout, says what both sources looked like. */
  private static void awaitState(Team team, String sha, String state) {
    try {
      Await.until(
          "commit status " + state + " on " + sha,
          LOOP,
          () -> {
            JsonNode latest = latest(team, sha);
            return latest != null && state.equals(latest.get("status").asText());
          });
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          e.getMessage()
              + "\nlatest status: "
              + latest(team, sha)
              + "\nfirst: "
              + client.getKubernetesSerialization().asYaml(source(first).getStatus())
              + "\nsecond: "
              + (source(second) == null
                  ? "not created"
                  : client.getKubernetesSerialization().asYaml(source(second).getStatus())),
          e);
    }
  }

  private static JsonNode latest(Team team, String sha) {
    return GiteaSources.latestStatus(gitea, team.repo(), sha);
  }
}
