package dev.gitfoundry.gitsync;

import java.time.Instant;
import java.util.Objects;

/**
 * Who made a commit, when, and its subject: what the status page, PR comments and CF audit events
 * show about a revision.
 *
 * @param subject the first line of the commit message
 */
public record CommitInfo(
    String sha, String subject, String authorName, String authorEmail, Instant committedAt) {
  public CommitInfo {
    Objects.requireNonNull(sha, "sha");
    subject = subject == null ? "" : subject;
    authorName = authorName == null ? "" : authorName;
    authorEmail = authorEmail == null ? "" : authorEmail;
  }

  /** For snapshots built without a commit at hand (tests, local directories). */
  public static CommitInfo unknown(String sha) {
    return new CommitInfo(sha, "", "", "", null);
  }
}
