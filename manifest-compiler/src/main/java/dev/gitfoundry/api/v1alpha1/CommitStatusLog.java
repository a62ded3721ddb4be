package dev.gitfoundry.api.v1alpha1;

import java.util.List;

/**
 * The commit statuses posted for one commit, oldest first: what makes posting idempotent across
 * restarts (a branch revision's {@link RevisionRecord}, a pull request's {@link PreviewStatus}).
 */
public interface CommitStatusLog {
  List<PostedCommitStatus> getPosted();

  void setPosted(List<PostedCommitStatus> posted);
}
