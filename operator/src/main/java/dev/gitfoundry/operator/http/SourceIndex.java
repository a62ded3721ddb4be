package dev.gitfoundry.operator.http;

import java.util.List;

/**
 * The index of one source: its recent commits (newest first) with their states, linking to each
 * commit's page, and its open previews. Served as JSON like {@link CommitPage}.
 */
record SourceIndex(
    String source,
    String branch,
    String repositoryUrl,
    CommitLink running,
    List<Entry> commits,
    List<PreviewView> previews) {

  boolean pending() {
    return !commits.isEmpty() && "pending".equals(commits.get(0).state());
  }

  /** One commit in the list. */
  record Entry(
      String sha,
      String shortSha,
      String subject,
      String author,
      String committedAt,
      String state,
      String description,
      boolean running,
      String page) {}
}
