package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitfoundry.gitsync.GitHttpBackend.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitPoller against real {@code git http-backend}, counting what reaches the server. */
class GitPollerIT {
  @TempDir Path repositories;
  @TempDir Path cache;
  private GitHttpBackend server;
  private final RepositoryMetrics metrics = new RepositoryMetrics();

  @BeforeEach
  void startServer() throws IOException {
    server = new GitHttpBackend(repositories);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private GitPoller poller(String name, String branch, Set<String> paths, GitCredentials creds)
      throws GitSyncException {
    return new GitPoller(
        new RepositorySource(server.url(name), branch, paths, creds, Duration.ofMinutes(1)),
        cache,
        metrics);
  }

  @Test
  void fetchesOnlyWhenTheHeadMoves() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "apps");
    repo.write("acme/prod/web/manifest.yml", "applications:\n- name: web\n");
    repo.write("README.md", "outside the path\n");
    String first = repo.commit("first");
    repo.push("main");

    try (GitPoller poller = poller("apps", "main", Set.of("acme"), GitCredentials.none())) {
      PollResult initial = poller.poll();
      assertThat(initial).isInstanceOf(PollResult.Changed.class);
      Snapshot snapshot = ((PollResult.Changed) initial).snapshot();
      assertThat(snapshot.sha()).isEqualTo(first);
      assertThat(snapshot.revision()).isEqualTo("main@sha1:" + first);
      assertThat(snapshot.files()).containsOnlyKeys("acme/prod/web/manifest.yml");
      assertThat(snapshot.files().get("acme/prod/web/manifest.yml").contentAsUtf8())
          .isEqualTo("applications:\n- name: web\n");
      assertThat(server.count(Kind.FETCH)).isEqualTo(1);

      server.resetCounts();
      for (int i = 0; i < 3; i++) {
        assertThat(poller.poll()).isEqualTo(new PollResult.Unchanged(first));
      }
      assertThat(server.count(Kind.FETCH)).as("no fetch while unchanged").isZero();
      assertThat(server.count(Kind.ADVERTISEMENT)).isEqualTo(3);

      repo.write("acme/prod/web/manifest.yml", "applications:\n- name: web\n  instances: 3\n");
      String second = repo.commit("scale");
      repo.push("main");
      server.resetCounts();
      Snapshot moved = ((PollResult.Changed) poller.poll()).snapshot();
      assertThat(moved.sha()).isEqualTo(second);
      assertThat(moved.files().get("acme/prod/web/manifest.yml").contentAsUtf8())
          .contains("instances: 3");
      assertThat(server.count(Kind.FETCH)).isEqualTo(1);
    }
    RepositoryMetrics.Reading reading = metrics.total();
    assertThat(reading.polls()).isEqualTo(5);
    assertThat(reading.lsRemotes()).isEqualTo(5);
    assertThat(reading.fetches()).isEqualTo(2);
    assertThat(reading.fetchedBytes()).isPositive();
    assertThat(reading.failures()).isZero();
    assertThat(reading.lastSuccess()).isNotNull();
  }

  @Test
  void seededHeadCostsOneLsRemoteAndNoFetch() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "seeded");
    String head = repo.write("a.yml", "a\n").commit("a");
    repo.push("main");
    try (GitPoller poller = poller("seeded", "main", Set.of(), GitCredentials.none())) {
      poller.assumeKnown(head);
      assertThat(poller.poll()).isEqualTo(new PollResult.Unchanged(head));
      assertThat(server.count(Kind.FETCH)).isZero();
    }
  }

  @Test
  void followsForcePushes() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "forced");
    repo.write("a.yml", "one\n").commit("one");
    repo.write("a.yml", "two\n").commit("two");
    repo.push("main");
    try (GitPoller poller = poller("forced", "main", Set.of(), GitCredentials.none())) {
      poller.poll();
      repo.git("reset", "-q", "--hard", "HEAD~1");
      String rewritten = repo.write("a.yml", "rewritten\n").commit("rewritten");
      repo.push("main");
      Snapshot snapshot = ((PollResult.Changed) poller.poll()).snapshot();
      assertThat(snapshot.sha()).isEqualTo(rewritten);
      assertThat(snapshot.files().get("a.yml").contentAsUtf8()).isEqualTo("rewritten\n");
    }
  }

  @Test
  void deletedBranchIsATypedErrorNotAnEmptyRepository() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "deleted");
    repo.write("a.yml", "a\n").commit("a");
    repo.push("main");
    repo.push("feature");
    try (GitPoller poller = poller("deleted", "feature", Set.of(), GitCredentials.none())) {
      poller.poll();
      repo.git("push", "-q", repo.bare().toString(), ":refs/heads/feature");
      assertThatThrownBy(poller::poll)
          .isInstanceOf(BranchNotFoundException.class)
          .hasMessageContaining("feature")
          .extracting(e -> ((GitSyncException) e).kind())
          .isEqualTo(ErrorKind.WAITING);
    }
    assertThat(metrics.total().failures()).isEqualTo(1);
  }

  @Test
  void keepsModesSymlinksAndLfsPointersAndWarnsAboutSubmodules() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "kinds");
    String lfsPointer =
        "version https://git-lfs.github.com/spec/v1\noid sha256:"
            + "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
    repo.write("app/run.sh", "#!/bin/sh\necho hi\n");
    repo.write("app/blob.bin", lfsPointer);
    assertThat(repo.directory().resolve("app/run.sh").toFile().setExecutable(true)).isTrue();
    Files.createSymbolicLink(repo.directory().resolve("app/link.yml"), Path.of("run.sh"));
    String submoduleSha = repo.commit("more");
    repo.git("update-index", "--add", "--cacheinfo", "160000," + submoduleSha + ",app/vendored");
    repo.git("commit", "-q", "-m", "submodule"); // not commit(): "add -A" would drop the gitlink
    repo.push("main");

    try (GitPoller poller = poller("kinds", "main", Set.of("app"), GitCredentials.none())) {
      Snapshot snapshot = ((PollResult.Changed) poller.poll()).snapshot();
      assertThat(snapshot.files().get("app/run.sh").kind()).isEqualTo(FileKind.EXECUTABLE);
      assertThat(snapshot.files().get("app/blob.bin"))
          .isEqualTo(SnapshotFile.regular(lfsPointer.getBytes()));
      assertThat(snapshot.files().get("app/link.yml")).isEqualTo(SnapshotFile.symlink("run.sh"));
      assertThat(snapshot.files()).doesNotContainKey("app/vendored");
      assertThat(snapshot.warnings()).anyMatch(w -> w.contains("submodule app/vendored"));
    }
  }

  @Test
  void wrongCredentialsFailClearlyWithoutTheSecret() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "private");
    repo.write("a.yml", "a\n").commit("a");
    repo.push("main");
    server.requireBasicAuth("deployer", "right-password-1234");

    try (GitPoller good =
        poller(
            "private",
            "main",
            Set.of(),
            GitCredentials.usernamePassword("deployer", "right-password-1234"))) {
      assertThat(good.poll()).isInstanceOf(PollResult.Changed.class);
    }
    String secret = "wrong-password-5678";
    try (GitPoller bad =
        poller("private", "main", Set.of(), GitCredentials.usernamePassword("deployer", secret))) {
      assertThatThrownBy(bad::poll)
          .isInstanceOf(GitAuthenticationException.class)
          .hasMessageContaining("authentication failed")
          .hasMessageNotContaining(secret)
          .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain(secret));
      assertThat(bad.toString()).doesNotContain(secret);
    }
    try (GitPoller anonymous = poller("private", "main", Set.of(), GitCredentials.none())) {
      assertThatThrownBy(anonymous::poll).isInstanceOf(GitAuthenticationException.class);
    }
  }

  @Test
  void unreachableServerIsTransient() throws Exception {
    server.close();
    try (GitPoller poller = poller("gone", "main", Set.of(), GitCredentials.none())) {
      assertThatThrownBy(poller::poll)
          .isInstanceOf(GitTransportException.class)
          .extracting(e -> ((GitSyncException) e).kind())
          .isEqualTo(ErrorKind.TRANSIENT);
    }
  }

  @Test
  void missingRepositoryIsInvalidInput() throws Exception {
    try (GitPoller poller = poller("missing", "main", Set.of(), GitCredentials.none())) {
      assertThatThrownBy(poller::poll)
          .isInstanceOf(GitSyncException.class)
          .extracting(e -> ((GitSyncException) e).kind())
          .isEqualTo(ErrorKind.INVALID_INPUT);
    }
  }
}
