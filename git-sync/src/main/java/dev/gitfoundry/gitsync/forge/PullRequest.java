package dev.gitfoundry.gitsync.forge;

import java.util.List;

/** An open pull request as the forge lists it. */
public record PullRequest(
    int number,
    String headSha,
    String headRef,
    String baseRef,
    boolean fromFork,
    List<String> labels) {
  public PullRequest {
    labels = List.copyOf(labels);
  }
}
