package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCredentialsTest {
  @TempDir Path cache;

  @Test
  void toStringNeverShowsSecrets() {
    assertThat(GitCredentials.token("tok-123456").toString())
        .isEqualTo("GitCredentials[USERNAME_PASSWORD]");
    assertThat(GitCredentials.usernamePassword("me", "pw-123456").toString())
        .doesNotContain("pw-123456")
        .doesNotContain("me");
    String source =
        new RepositorySource(
                "https://me:url-secret@git.example.com/a/b.git",
                "main",
                Set.of("/"),
                GitCredentials.token("tok-123456"),
                Duration.ofMinutes(1))
            .toString();
    assertThat(source).doesNotContain("tok-123456").doesNotContain("url-secret");
  }

  @Test
  void emptyValuesAreRejected() {
    assertThatThrownBy(() -> GitCredentials.token(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GitCredentials.sshKey("key", null, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known_hosts");
  }

  @Test
  void sshUrlsNeedSshKeysAndSshKeysNeedSshUrls() {
    assertThatThrownBy(
            () ->
                new GitPoller(
                    new RepositorySource(
                        "git@git.example.com:a/b.git", "main", "/", GitCredentials.none()),
                    cache,
                    new RepositoryMetrics()))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("known_hosts");
    assertThatThrownBy(
            () ->
                new GitPoller(
                    new RepositorySource(
                        "https://git.example.com/a/b.git",
                        "main",
                        "/",
                        GitCredentials.sshKey("k", null, "host ssh-ed25519 AAAA")),
                    cache,
                    new RepositoryMetrics()))
        .isInstanceOf(InvalidSourceException.class);
  }

  @Test
  void anUnreadableKeyIsInvalidInputWithoutKeyMaterialInTheMessage() {
    String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-really-a-key-abcdef\n";
    assertThatThrownBy(
            () ->
                new GitPoller(
                    new RepositorySource(
                        "ssh://git@git.example.com/a/b.git",
                        "main",
                        "/",
                        GitCredentials.sshKey(key, null, "git.example.com ssh-ed25519 AAAA")),
                    cache,
                    new RepositoryMetrics()))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageNotContaining("not-really-a-key");
  }

  @Test
  void pathsAreNormalizedAndMayNotEscape() {
    RepositorySource source =
        new RepositorySource(
            "https://h/a/b",
            "main",
            Set.of("/apps/", "infra"),
            GitCredentials.none(),
            Duration.ofMinutes(1));
    assertThat(source.paths()).containsExactlyInAnyOrder("apps", "infra");
    assertThat(new RepositorySource("https://h/a/b", "main", "/", GitCredentials.none()).paths())
        .isEmpty();
    assertThatThrownBy(
            () -> new RepositorySource("https://h/a/b", "main", "../x", GitCredentials.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
