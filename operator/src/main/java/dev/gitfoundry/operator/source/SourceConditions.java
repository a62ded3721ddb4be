package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.SourceDiagnostic;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.GitSyncException;
import dev.gitfoundry.gitsync.Snapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** How a GitSource's conditions and diagnostics say what happened to it. */
final class SourceConditions {
  private static final int MAX_ERRORS_IN_STATUS = 20;

  private final Clock clock;

  SourceConditions(Clock clock) {
    this.clock = clock;
  }

  void fetchFailed(GitSourceStatus status, GitSource source, GitSyncException failure) {
    if (failure.kind() == ErrorKind.WAITING) {
      set(
          status,
          source,
          Conditions.STALLED,
          Conditions.TRUE,
          "BranchNotFound",
          failure.getMessage());
      ready(
          status,
          source,
          Conditions.FALSE,
          "BranchNotFound",
          failure.getMessage() + "; nothing was pruned");
    } else if (failure.kind() == ErrorKind.INVALID_INPUT) {
      set(
          status,
          source,
          Conditions.STALLED,
          Conditions.TRUE,
          "FetchRejected",
          failure.getMessage());
      ready(status, source, Conditions.FALSE, "FetchRejected", failure.getMessage());
    } else {
      ready(
          status,
          source,
          Conditions.FALSE,
          "FetchFailed",
          failure.getMessage() + "; the last applied revision keeps running");
    }
  }

  void suspended(GitSourceStatus status, GitSource source) {
    ready(
        status, source, Conditions.UNKNOWN, "Suspended", "suspended: not polling and not applying");
  }

  /** What the last polls found: fetch failures, or still waiting for the first fetch. */
  void fetched(GitSourceStatus status, GitSource source, SourceSnapshots.State state) {
    if (state != null && state.failure() != null) {
      fetchFailed(status, source, state.failure());
    } else {
      Conditions.remove(status, Conditions.STALLED);
    }
    if (state == null) {
      set(
          status,
          source,
          Conditions.RECONCILING,
          Conditions.TRUE,
          "Fetching",
          "waiting for the first fetch");
    }
  }

  /** The newest revision failed to compile; a fetch failure since then has recovered. */
  void compileFailedAgain(GitSourceStatus status, GitSource source, Snapshot snapshot) {
    if (snapshot.revision().equals(status.getLastAttemptedRevision())
        && status.getErrors() != null
        && !status.getErrors().isEmpty()) {
      ready(
          status,
          source,
          Conditions.FALSE,
          SourceEvents.COMPILE_FAILED,
          compileFailedMessage(status));
    }
  }

  static void recordDiagnostics(GitSourceStatus status, Compilation compilation) {
    List<SourceDiagnostic> errors = new ArrayList<>();
    for (Diagnostic d : compilation.errors()) {
      if (errors.size() == MAX_ERRORS_IN_STATUS) {
        break;
      }
      SourceDiagnostic entry = new SourceDiagnostic();
      entry.setSeverity(d.severity().label());
      entry.setFile(d.file());
      entry.setLine(d.line());
      entry.setColumn(d.column());
      entry.setApp(d.app());
      entry.setMessage(d.message());
      errors.add(entry);
    }
    status.setErrors(errors.isEmpty() ? null : errors);
    status.setErrorCount(compilation.errors().size());
  }

  /** The first error ({@code file:line:col message}) and how many others, as recorded. */
  static String compileFailedMessage(GitSourceStatus status) {
    SourceDiagnostic first = status.getErrors().get(0);
    int others = status.getErrorCount() == null ? 0 : status.getErrorCount() - 1;
    return first.getFile()
        + ":"
        + first.getLine()
        + ":"
        + first.getColumn()
        + " "
        + first.getMessage()
        + (others > 0 ? " (and " + others + " more)" : "");
  }

  void ready(
      GitSourceStatus status, GitSource source, String value, String reason, String message) {
    set(status, source, Conditions.READY, value, reason, message);
  }

  void set(
      GitSourceStatus status,
      GitSource source,
      String type,
      String value,
      String reason,
      String message) {
    Conditions.set(
        status,
        type,
        value,
        reason,
        message,
        source.getMetadata().getGeneration(),
        clock.instant());
  }
}
