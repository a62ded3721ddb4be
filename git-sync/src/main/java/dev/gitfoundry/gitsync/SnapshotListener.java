package dev.gitfoundry.gitsync;

/**
 * Receives what the poll jobs find; the operator implements it. Called on Quartz worker threads,
 * never concurrently for the same key. Implementations should hand work off rather than block.
 */
public interface SnapshotListener {
  /** The branch head moved (or this was the first poll): compile and apply this snapshot. */
  void onSnapshot(RepositoryKey key, Snapshot snapshot);

  /** The head did not move; nothing was fetched. */
  default void onUnchanged(RepositoryKey key, String sha) {}

  /**
   * The poll failed. Never treat this as an empty repository. {@code consecutiveFailures} counts
   * this one; {@link GitSyncException#kind()} says whether waiting can help.
   */
  void onFailure(RepositoryKey key, GitSyncException failure, int consecutiveFailures);
}
