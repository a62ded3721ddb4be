package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH with a key from memory and strict known_hosts, against a real git-upload-pack. */
class GitPollerSshIT {
  @TempDir Path repositories;
  @TempDir Path cache;
  private final KeyPair clientKey;
  private GitSshServer server;
  private String head;

  GitPollerSshIT() throws Exception {
    clientKey = GitSshServer.newKeyPair();
  }

  @BeforeEach
  void start() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "apps");
    head = repo.write("org/space/app/manifest.yml", "applications: []\n").commit("init");
    repo.push("main");
    server = new GitSshServer(repositories, clientKey);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private GitPoller poller(KeyPair key, String knownHosts) throws Exception {
    return new GitPoller(
        new RepositorySource(
            server.url("apps"),
            "main",
            Set.of(),
            GitCredentials.sshKey(GitSshServer.openSshPrivateKey(key), null, knownHosts),
            Duration.ofMinutes(1)),
        cache,
        new RepositoryMetrics());
  }

  @Test
  void pollsOverSshWithAKnownHostKey() throws Exception {
    try (GitPoller poller = poller(clientKey, server.knownHostsLine())) {
      Snapshot snapshot = ((PollResult.Changed) poller.poll()).snapshot();
      assertThat(snapshot.sha()).isEqualTo(head);
      assertThat(snapshot.files()).containsKey("org/space/app/manifest.yml");
      assertThat(poller.poll()).isEqualTo(new PollResult.Unchanged(head));
    }
  }

  @Test
  void anUnknownHostKeyIsRefusedWithoutTrustOnFirstUse() throws Exception {
    KeyPair otherHost = GitSshServer.newKeyPair();
    String wrongKnownHosts =
        server.knownHostsLine().split(" ")[0]
            + " "
            + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(otherHost.getPublic());
    try (GitPoller poller = poller(clientKey, wrongKnownHosts)) {
      assertThatThrownBy(poller::poll)
          .isInstanceOf(GitAuthenticationException.class)
          .hasMessageContaining("known_hosts");
      // still refused the second time: nothing was learned
      assertThatThrownBy(poller::poll).isInstanceOf(GitAuthenticationException.class);
    }
  }

  @Test
  void aKeyTheServerDoesNotAcceptIsAnAuthenticationError() throws Exception {
    try (GitPoller poller = poller(GitSshServer.newKeyPair(), server.knownHostsLine())) {
      assertThatThrownBy(poller::poll)
          .isInstanceOf(GitAuthenticationException.class)
          .hasMessageContaining("authentication failed");
    }
  }
}
