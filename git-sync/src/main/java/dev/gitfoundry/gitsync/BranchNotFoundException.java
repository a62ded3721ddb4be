package dev.gitfoundry.gitsync;

/**
 * The watched branch does not exist on the remote. Never treated as an empty repository: nothing
 * may be pruned because a branch vanished.
 */
public final class BranchNotFoundException extends GitSyncException {
  public BranchNotFoundException(String redactedUrl, String branch) {
    super(
        ErrorKind.WAITING,
        "branch '" + branch + "' not found in " + redactedUrl + " (deleted or not pushed yet)");
  }
}
