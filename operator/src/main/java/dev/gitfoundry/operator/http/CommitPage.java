package dev.gitfoundry.operator.http;

import java.util.List;

/**
 * One commit's status page. The HTML shows it; with {@code Accept: application/json} it is served
 * as it is, so the component names are the JSON API (documented in the README). Times are RFC 3339
 * strings, links to pages are paths on this server, links to the forge are absolute (null when the
 * forge is unknown).
 *
 * @param source {@code namespace/name} of the GitSource
 * @param state the last commit status posted for the commit ({@code pending}, {@code success},
 *     {@code failure}, {@code error}); when none was posted (no forge), what it would be, or {@code
 *     unknown}
 * @param running whether this commit is the revision the source runs now
 * @param runningCommit the commit that runs now, when it is another one
 * @param states every commit status posted for the commit, oldest first
 * @param apps the apps this commit runs, live (empty unless it runs, or is a preview's head)
 */
record CommitPage(
    String source,
    String branch,
    String repositoryUrl,
    String index,
    Commit commit,
    String state,
    String description,
    boolean running,
    CommitLink runningCommit,
    List<StateChange> states,
    Changes changes,
    List<Problem> errors,
    int errorCount,
    List<AppView> apps,
    CommitLink supersededBy,
    PreviewView preview) {

  boolean pending() {
    return "pending".equals(state);
  }

  /** The commit: what the forge shows about it, and when Gitfoundry fetched and applied it. */
  record Commit(
      String sha,
      String shortSha,
      String subject,
      String author,
      String committedAt,
      String fetchedAt,
      String appliedAt,
      String url) {}

  /** One commit status as it was posted. */
  record StateChange(String state, String description, String at) {}

  /** What the commit changed, app by app (from the delivery plan). */
  record Changes(int added, int changed, int removed, List<Change> apps) {}

  record Change(String action, String org, String space, String app, List<String> fields) {}

  /** A compile or apply error, with a link to the line on the forge at this commit. */
  record Problem(
      String file, Integer line, Integer column, String app, String message, String url) {}
}
