package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.CommitStatusLog;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.gitsync.CommitInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revisions a source fetched, kept in its status (so they survive restarts and every replica
 * can show them): the commit, what it changed, its errors and each commit status posted for it.
 * Only the newest {@value #KEPT} are kept.
 */
public final class RevisionHistory {
  static final int KEPT = 10;
  private static final int POSTS_KEPT = 20;

  private RevisionHistory() {}

  /** The record of {@code sha}, if the source still remembers it. */
  public static Optional<RevisionRecord> find(GitSourceStatus status, String sha) {
    if (status == null || status.getHistory() == null || sha == null) {
      return Optional.empty();
    }
    return status.getHistory().stream().filter(r -> sha.equals(r.getSha())).findFirst();
  }

  /** The record of a fetched revision, created (newest last) when first seen. */
  public static RevisionRecord remember(
      GitSourceStatus status, String revision, CommitInfo commit, Instant now) {
    Optional<RevisionRecord> known = find(status, commit.sha());
    if (known.isPresent()) {
      return known.get();
    }
    RevisionRecord record = new RevisionRecord();
    record.setRevision(revision);
    record.setSha(commit.sha());
    record.setSubject(commit.subject().isEmpty() ? null : commit.subject());
    record.setAuthor(commit.authorName().isEmpty() ? null : commit.authorName());
    record.setAuthorEmail(commit.authorEmail().isEmpty() ? null : commit.authorEmail());
    record.setCommittedAt(commit.committedAt() == null ? null : commit.committedAt().toString());
    record.setFetchedAt(now.toString());
    List<RevisionRecord> history =
        status.getHistory() == null ? new ArrayList<>() : new ArrayList<>(status.getHistory());
    history.add(record);
    while (history.size() > KEPT) {
      history.remove(0);
    }
    status.setHistory(history);
    return record;
  }

  /** The last status posted on {@code record} in {@code context}, if any. */
  public static Optional<PostedCommitStatus> lastPosted(CommitStatusLog record, String context) {
    PostedCommitStatus last = null;
    for (PostedCommitStatus posted : record.getPosted()) {
      if (Objects.equals(context, posted.getContext())) {
        last = posted;
      }
    }
    return Optional.ofNullable(last);
  }

  /** Whether exactly this state and description is already the last one posted in context. */
  public static boolean alreadyPosted(
      CommitStatusLog record, String context, String state, String description) {
    return lastPosted(record, context)
        .filter(p -> state.equals(p.getState()) && Objects.equals(description, p.getDescription()))
        .isPresent();
  }

  /**
   * Appends a posted status to the record; a long rollout's progress posts are thinned out, the
   * first and the latest kept.
   */
  public static void posted(CommitStatusLog record, PostedCommitStatus posted) {
    List<PostedCommitStatus> all =
        record.getPosted() == null ? new ArrayList<>() : new ArrayList<>(record.getPosted());
    all.add(posted);
    while (all.size() > POSTS_KEPT) {
      all.remove(1);
    }
    record.setPosted(all);
  }
}
