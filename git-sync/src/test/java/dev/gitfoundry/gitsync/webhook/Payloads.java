package dev.gitfoundry.gitsync.webhook;

import java.nio.charset.StandardCharsets;

/** Trimmed-down payloads in the shape Gitea and GitHub send. */
final class Payloads {
  private Payloads() {}

  static byte[] push(String cloneUrl, String ref, String after) {
    return ("{\"ref\":\""
            + ref
            + "\",\"before\":\""
            + "1".repeat(40)
            + "\",\"after\":\""
            + after
            + "\",\"repository\":{\"id\":7,\"full_name\":\"acme/apps\",\"clone_url\":\""
            + cloneUrl
            + "\",\"ssh_url\":\"git@git.example.com:acme/apps.git\","
            + "\"html_url\":\"https://git.example.com/acme/apps\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] pullRequest(String action, long headRepoId, String labels) {
    return ("{\"action\":\""
            + action
            + "\",\"number\":12,\"pull_request\":{\"number\":12,"
            + "\"merged\":false,\"labels\":["
            + labels
            + "],"
            + "\"head\":{\"ref\":\"feature\",\"sha\":\""
            + "b".repeat(40)
            + "\","
            + "\"repo\":{\"id\":"
            + headRepoId
            + ",\"full_name\":\"someone/apps\"}},"
            + "\"base\":{\"ref\":\"main\",\"sha\":\""
            + "c".repeat(40)
            + "\","
            + "\"repo\":{\"id\":7,\"full_name\":\"acme/apps\"}}},"
            + "\"repository\":{\"id\":7,\"clone_url\":\"https://git.example.com/acme/apps.git\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
