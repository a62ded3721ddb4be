package dev.gitfoundry.gitsync.forge;

import java.util.List;

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

  /** Every open pull request, across all pages. */
  List<PullRequest> listOpenPullRequests(ForgeRepository repository) throws ForgeException;

  /** The longest description the forge takes. */
  int descriptionLimit();
}
