package dev.gitfoundry.gitsync.forge;

import java.util.List;
import java.util.Optional;

/** The forge calls Gitfoundry needs. Implementations are thread-safe. */
public interface ForgeClient {
  /**
   * Posts a commit status unless this exact status (after trimming) was already posted or seeded
   * for that sha and context.
   *
   * @return true if a request was sent, false if it was a duplicate
   */
  boolean postStatus(ForgeRepository repository, String sha, CommitStatus status)
      throws ForgeException;

  /**
   * Seeds the duplicate check with a status known to be on the forge (e.g. from CR status after a
   * restart), so it is not posted again.
   */
  void rememberPosted(ForgeRepository repository, String sha, CommitStatus status);

  /**
   * The newest status the forge shows for {@code context} on {@code sha}, if any: what a restarted
   * operator checks before posting, since it may have died between posting and recording.
   */
  Optional<CommitStatus> latestStatus(ForgeRepository repository, String sha, String context)
      throws ForgeException;

  /** Every open pull request, across all pages. */
  List<PullRequest> listOpenPullRequests(ForgeRepository repository) throws ForgeException;

  /** Every comment on pull request {@code number}, oldest first, across all pages. */
  List<PullRequestComment> listComments(ForgeRepository repository, int number)
      throws ForgeException;

  /** Adds a comment to pull request {@code number}; returns its id. */
  long createComment(ForgeRepository repository, int number, String body) throws ForgeException;

  /**
   * Replaces the body of comment {@code id}.
   *
   * @throws ForgeNotFoundException when the comment was deleted
   */
  void editComment(ForgeRepository repository, long id, String body) throws ForgeException;

  /** The longest description the forge takes. */
  int descriptionLimit();
}
