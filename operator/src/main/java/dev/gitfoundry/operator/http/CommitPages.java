package dev.gitfoundry.operator.http;

import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.api.v1alpha1.SourceDiagnostic;
import dev.gitfoundry.operator.delivery.RevisionHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the pages from what the GitSource remembers ({@code status.history}: the last revisions,
 * each with the statuses posted for it) and the live CFApps. A commit the source never fetched,
 * applied or previewed has no page: the caller answers 404.
 */
final class CommitPages {
  private static final int SHORT = 12;
  private final StatusReads reads;
  private final AppViews appViews;

  CommitPages(StatusReads reads) {
    this.reads = reads;
    this.appViews = new AppViews(reads);
  }

  /** The page of {@code sha} (full, lower case), if the source knows the commit. */
  Optional<CommitPage> commit(GitSource source, String sha) {
    GitSourceStatus status = source.getStatus();
    Optional<RevisionRecord> found = RevisionHistory.find(status, sha);
    Optional<PreviewStatus> preview =
        previews(status).filter(p -> sha.equals(p.getHeadSha())).findFirst();
    if (found.isEmpty() && preview.isEmpty() && !revisionShas(status).contains(sha)) {
      return Optional.empty();
    }
    ForgeLinks forge = ForgeLinks.of(source.getSpec());
    String runningSha = shaOf(status == null ? null : status.getLastAppliedRevision());
    boolean running = sha.equals(runningSha);
    RevisionRecord record = found.orElseGet(RevisionRecord::new);
    List<AppView> apps =
        running
            ? appViews.of(reads.apps(namespace(source), name(source)), sha, forge)
            : preview
                .map(
                    p ->
                        appViews.of(
                            reads.previewApps(namespace(source), name(source), number(p)),
                            sha,
                            forge))
                .orElse(List.of());
    List<PostedCommitStatus> posted = record.getPosted() == null ? List.of() : record.getPosted();
    PostedCommitStatus last = posted.isEmpty() ? null : posted.get(posted.size() - 1);
    String state =
        last != null
            ? last.getState()
            : preview
                .map(p -> previewState(p.getState()))
                .orElseGet(() -> derivedState(record, running, apps));
    return Optional.of(
        new CommitPage(
            namespace(source) + "/" + name(source),
            source.getSpec().getBranch(),
            forge.repository(),
            indexPath(source),
            new CommitPage.Commit(
                sha,
                shortSha(sha),
                record.getSubject(),
                record.getAuthor(),
                record.getCommittedAt(),
                record.getFetchedAt(),
                record.getAppliedAt(),
                forge.commit(sha)),
            state,
            last == null ? null : last.getDescription(),
            running,
            running || runningSha == null ? null : link(source, runningSha, forge),
            posted.stream()
                .map(
                    p ->
                        new CommitPage.StateChange(
                            p.getState(), p.getDescription(), p.getPostedAt()))
                .toList(),
            changes(record),
            problems(record, sha, forge),
            record.getErrorCount() == null ? sizeOf(record.getErrors()) : record.getErrorCount(),
            apps,
            record.getSupersededBy() == null ? null : link(source, record.getSupersededBy(), forge),
            preview.map(p -> previewView(p, forge)).orElse(null)));
  }

  SourceIndex index(GitSource source) {
    GitSourceStatus status = source.getStatus();
    ForgeLinks forge = ForgeLinks.of(source.getSpec());
    String runningSha = shaOf(status == null ? null : status.getLastAppliedRevision());
    List<RevisionRecord> history =
        status == null || status.getHistory() == null ? List.of() : status.getHistory();
    List<SourceIndex.Entry> entries = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      RevisionRecord record = history.get(i);
      PostedCommitStatus last =
          record.getPosted() == null || record.getPosted().isEmpty()
              ? null
              : record.getPosted().get(record.getPosted().size() - 1);
      boolean running = record.getSha() != null && record.getSha().equals(runningSha);
      entries.add(
          new SourceIndex.Entry(
              record.getSha(),
              shortSha(record.getSha()),
              record.getSubject(),
              record.getAuthor(),
              record.getCommittedAt(),
              last != null ? last.getState() : derivedState(record, running, null),
              last == null ? null : last.getDescription(),
              running,
              pagePath(source, record.getSha())));
    }
    return new SourceIndex(
        namespace(source) + "/" + name(source),
        source.getSpec().getBranch(),
        forge.repository(),
        runningSha == null ? null : link(source, runningSha, forge),
        entries,
        previews(status).map(p -> previewView(p, forge)).toList());
  }

  /** The one known full sha that starts with {@code prefix}, for short links. */
  Optional<String> expand(GitSource source, String prefix) {
    GitSourceStatus status = source.getStatus();
    Set<String> known = new LinkedHashSet<>(revisionShas(status));
    if (status != null && status.getHistory() != null) {
      status.getHistory().forEach(r -> known.add(r.getSha()));
    }
    previews(status).forEach(p -> known.add(p.getHeadSha()));
    List<String> matches =
        known.stream().filter(Objects::nonNull).filter(sha -> sha.startsWith(prefix)).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  static String pagePath(GitSource source, String sha) {
    return indexPath(source) + "/" + sha;
  }

  static String indexPath(GitSource source) {
    return "/status/" + namespace(source) + "/" + name(source);
  }

  static String shortSha(String sha) {
    return sha == null ? null : sha.substring(0, Math.min(SHORT, sha.length()));
  }

  /** When no status was posted (no forge configured): what it would be, or unknown. */
  private static String derivedState(RevisionRecord record, boolean running, List<AppView> apps) {
    if (record.getErrors() != null && !record.getErrors().isEmpty()) {
      return "failure";
    }
    if (running && apps != null) {
      return apps.stream().allMatch(a -> "running".equals(a.state())) ? "success" : "pending";
    }
    return "unknown";
  }

  private static String previewState(String state) {
    if (state == null) {
      return "pending";
    }
    return switch (state.toLowerCase(Locale.ROOT)) {
      case "ready" -> "success";
      case "failed" -> "failure";
      default -> "pending";
    };
  }

  private static CommitPage.Changes changes(RevisionRecord record) {
    List<AppChange> changes = record.getChanges() == null ? List.of() : record.getChanges();
    if (changes.isEmpty()
        && record.getAppsAdded() == null
        && record.getAppsChanged() == null
        && record.getAppsRemoved() == null) {
      return null;
    }
    return new CommitPage.Changes(
        count(record.getAppsAdded(), changes, AppChange.ADDED),
        count(record.getAppsChanged(), changes, AppChange.CHANGED),
        count(record.getAppsRemoved(), changes, AppChange.REMOVED),
        changes.stream()
            .map(
                c ->
                    new CommitPage.Change(
                        c.getAction(),
                        c.getOrg(),
                        c.getSpace(),
                        c.getApp(),
                        c.getFields() == null ? List.of() : c.getFields()))
            .toList());
  }

  private static int count(Integer recorded, List<AppChange> changes, String action) {
    return recorded != null
        ? recorded
        : (int) changes.stream().filter(c -> action.equals(c.getAction())).count();
  }

  private static List<CommitPage.Problem> problems(
      RevisionRecord record, String sha, ForgeLinks forge) {
    List<SourceDiagnostic> errors = record.getErrors() == null ? List.of() : record.getErrors();
    return errors.stream()
        .map(
            e ->
                new CommitPage.Problem(
                    e.getFile(),
                    e.getLine(),
                    e.getColumn(),
                    e.getApp(),
                    e.getMessage(),
                    forge.line(sha, e.getFile(), e.getLine())))
        .toList();
  }

  private static PreviewView previewView(PreviewStatus preview, ForgeLinks forge) {
    return new PreviewView(
        number(preview),
        forge.pullRequest(preview.getNumber()),
        preview.getHeadSha(),
        preview.getState(),
        preview.getUrl());
  }

  private static CommitLink link(GitSource source, String sha, ForgeLinks forge) {
    return new CommitLink(sha, shortSha(sha), pagePath(source, sha), forge.commit(sha));
  }

  private static Stream<PreviewStatus> previews(GitSourceStatus status) {
    return status == null || status.getPreviews() == null
        ? Stream.empty()
        : status.getPreviews().stream()
            .filter(p -> p.getNumber() != null)
            .sorted(Comparator.comparing(PreviewStatus::getNumber));
  }

  /** The shas of the fetched, attempted and applied revisions ({@code branch@sha1:<sha>}). */
  private static Set<String> revisionShas(GitSourceStatus status) {
    Set<String> shas = new LinkedHashSet<>();
    if (status != null) {
      Stream.of(
              status.getLastFetchedRevision(),
              status.getLastAttemptedRevision(),
              status.getLastAppliedRevision())
          .map(CommitPages::shaOf)
          .filter(Objects::nonNull)
          .forEach(shas::add);
    }
    return shas;
  }

  static String shaOf(String revision) {
    if (revision == null) {
      return null;
    }
    int at = revision.lastIndexOf(':');
    return at < 0 ? revision : revision.substring(at + 1);
  }

  private static int number(PreviewStatus preview) {
    return preview.getNumber();
  }

  private static int sizeOf(List<?> list) {
    return list == null ? 0 : list.size();
  }

  private static String namespace(GitSource source) {
    return source.getMetadata().getNamespace();
  }

  private static String name(GitSource source) {
    return source.getMetadata().getName();
  }
}
