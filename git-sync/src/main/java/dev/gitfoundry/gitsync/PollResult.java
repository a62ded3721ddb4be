package dev.gitfoundry.gitsync;

/** The outcome of one successful poll. */
public sealed interface PollResult {
  String sha();

  /** The branch head did not move: nothing was fetched or written. */
  record Unchanged(String sha) implements PollResult {}

  /** The branch head moved (or this is the first poll): a fresh snapshot of the new head. */
  record Changed(Snapshot snapshot) implements PollResult {
    @Override
    public String sha() {
      return snapshot.sha();
    }
  }
}
