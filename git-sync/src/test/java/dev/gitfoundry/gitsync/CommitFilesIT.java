package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitfoundry.gitsync.GitHttpBackend.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CommitFiles against real {@code git http-backend}: one fetch per commit, then the cache. */
class CommitFilesIT {
  @TempDir Path repositories;
  @TempDir Path cache;
  private GitHttpBackend server;

  @BeforeEach
  void startServer() throws IOException {
    server = new GitHttpBackend(repositories);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void readsAFileAtAnOlderCommitThanTheHead() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "apps");
    repo.write("acme/prod/web/manifest.yml", "applications:\n- name: web # first\n");
    String first = repo.commit("first");
    repo.write("acme/prod/web/manifest.yml", "applications:\n- name: web # second\n");
    String second = repo.commit("second");
    repo.push("main");

    try (CommitFiles files = new CommitFiles(server.url("apps"), GitCredentials.none(), cache)) {
      assertThat(text(files.read(first, "acme/prod/web/manifest.yml").orElseThrow()))
          .isEqualTo("applications:\n- name: web # first\n");
      assertThat(server.count(Kind.FETCH)).isEqualTo(1);
      assertThat(text(files.read(second, "acme/prod/web/manifest.yml").orElseThrow()))
          .contains("# second");
      assertThat(server.count(Kind.FETCH)).isEqualTo(2);

      server.resetCounts();
      assertThat(files.read(first, "acme/prod/web/manifest.yml")).isPresent();
      assertThat(files.read(first, "acme/dev/none.yml")).isEmpty();
      assertThat(server.count(Kind.FETCH)).as("cached commits are not fetched again").isZero();
    }
  }

  @Test
  void aCommitTheServerDoesNotHaveFails() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "apps");
    repo.write("a.yml", "a\n");
    repo.commit("first");
    repo.push("main");
    try (CommitFiles files = new CommitFiles(server.url("apps"), GitCredentials.none(), cache)) {
      assertThatThrownBy(() -> files.read("0123456789012345678901234567890123456789", "a.yml"))
          .isInstanceOf(GitTransportException.class);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
