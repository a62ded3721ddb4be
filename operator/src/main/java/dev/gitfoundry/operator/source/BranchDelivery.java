package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.api.v1alpha1.SourceDiagnostic;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.operator.delivery.AppChangeSummary;
import dev.gitfoundry.operator.delivery.Delivery;
import dev.gitfoundry.operator.delivery.DeliveryException;
import dev.gitfoundry.operator.delivery.DeliveryListener;
import dev.gitfoundry.operator.delivery.DeliveryPipeline;
import dev.gitfoundry.operator.delivery.DeliveryResult;
import dev.gitfoundry.operator.delivery.DeliveryScope;
import dev.gitfoundry.operator.delivery.ObjectRef;
import dev.gitfoundry.operator.delivery.RevisionHistory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Delivers a new revision of a GitSource's branch: compile, refuse what another source owns, then
 * the delivery pipeline (plan, dry-run, apply, prune), then record and report. A revision that does
 * not compile, that another source's orgs or spaces block, or that the API server refuses, changes
 * nothing: the last good revision keeps running.
 */
final class BranchDelivery {
  static final String FIELD_MANAGER = "gitfoundry";
  private static final int CHANGES_KEPT = 50;

  /** What became of a revision. */
  enum Outcome {
    APPLIED,
    /** Will not apply until Git changes (compile errors). */
    FAILED,
    /** Refused for now; worth trying again later (ownership, an API refusal, a failed write). */
    RETRY
  }

  private final CompiledRevisions compiled;
  private final OwnershipCheck ownership;
  private final DeliveryPipeline pipeline;
  private final BranchStatuses statuses;
  private final SourceConditions conditions;
  private final SourceEvents events;
  private final List<DeliveryListener> listeners;
  private final Clock clock;

  BranchDelivery(
      CompiledRevisions compiled,
      OwnershipCheck ownership,
      DeliveryPipeline pipeline,
      BranchStatuses statuses,
      SourceConditions conditions,
      SourceEvents events,
      List<DeliveryListener> listeners,
      Clock clock) {
    this.compiled = compiled;
    this.ownership = ownership;
    this.pipeline = pipeline;
    this.statuses = statuses;
    this.conditions = conditions;
    this.events = events;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  Outcome deliver(GitSource source, Snapshot snapshot) throws InterruptedException {
    GitSourceStatus status = source.getStatus();
    Compilation compilation = compiled.of(source, snapshot);
    SourceConditions.recordDiagnostics(status, compilation);
    RevisionRecord record =
        RevisionHistory.remember(status, snapshot.revision(), snapshot.commit(), clock.instant());
    if (!compilation.valid()) {
      record.setErrors(status.getErrors());
      record.setErrorCount(status.getErrorCount());
      status.setLastAttemptedRevision(snapshot.revision());
      String message = SourceConditions.compileFailedMessage(status);
      refused(source, snapshot, SourceEvents.COMPILE_FAILED, message);
      events.compileFailed(source, snapshot.revision(), message);
      return Outcome.FAILED;
    }
    var conflict = ownership.check(source, compilation.objects());
    if (conflict.isPresent()) {
      // Not recorded as attempted: tried again until the other source lets go.
      refused(source, snapshot, OwnershipCheck.REASON, conflict.get().message());
      return Outcome.RETRY;
    }
    String previousSha = shaOf(status.getLastAppliedRevision());
    DeliveryResult result;
    try {
      result = pipeline.deliver(delivery(source, snapshot.revision(), compilation, true));
    } catch (DeliveryException e) {
      if (e.kind() == ErrorKind.INVALID_INPUT) {
        record.setErrors(List.of(diagnostic(e, compilation)));
        record.setErrorCount(1);
        refused(source, snapshot, e.reason(), e.getMessage());
      } else {
        conditions.ready(status, source, Conditions.FALSE, e.reason(), e.getMessage());
      }
      SourceLog.of(source, snapshot.revision()).log("not applied: {}", e.getMessage());
      return Outcome.RETRY;
    }
    status.setLastAttemptedRevision(snapshot.revision());
    status.setLastAppliedRevision(snapshot.revision());
    status.setInventory(result.plan().inventory());
    record.setAppliedAt(clock.instant().toString());
    List<AppChange> changes = AppChangeSummary.of(result.plan());
    summarize(record, changes);
    listeners.forEach(l -> l.applied(source, snapshot.revision(), snapshot.commit(), changes));
    SourceLog.of(source, snapshot.revision())
        .addKeyValue("written", result.written())
        .addKeyValue("unchanged", result.unchanged())
        .addKeyValue("pruned", result.pruned())
        .log("applied");
    events.applied(source, snapshot.revision(), result);
    conditions.set(
        status,
        source,
        Conditions.RECONCILING,
        Conditions.TRUE,
        "Progressing",
        "applied " + snapshot.revision() + ", waiting for apps");
    long apps = compilation.objects().stream().filter(o -> o instanceof CFApp).count();
    statuses.post(
        source, snapshot.sha(), CommitState.PENDING, "applied, 0/" + apps + " apps ready");
    if (previousSha != null
        && !previousSha.equals(snapshot.sha())
        && "pending".equals(BranchStatuses.lastPosted(source, previousSha))) {
      RevisionHistory.find(status, previousSha).ifPresent(r -> r.setSupersededBy(snapshot.sha()));
      statuses.post(source, previousSha, CommitState.ERROR, "superseded by " + snapshot.sha());
    }
    return Outcome.APPLIED;
  }

  /**
   * Applies the last applied revision again, so objects edited by hand are set back; returns null
   * (the next check is when something changes).
   */
  java.time.Duration correctDrift(GitSource source, Snapshot snapshot) throws InterruptedException {
    Compilation compilation = compiled.of(source, snapshot);
    if (!compilation.valid()) {
      return null; // cannot happen for an applied revision, unless the compiler changed under it
    }
    try {
      DeliveryResult result =
          pipeline.deliver(delivery(source, snapshot.revision(), compilation, false));
      if (result.written() > 0 || result.pruned() > 0) {
        source.getStatus().setInventory(result.plan().inventory());
        events.driftCorrected(source, snapshot.revision(), result);
        SourceLog.of(source, snapshot.revision())
            .addKeyValue("written", result.written())
            .addKeyValue("pruned", result.pruned())
            .log("set back objects changed outside Git");
      }
    } catch (DeliveryException e) {
      SourceLog.of(source, snapshot.revision()).log("drift not corrected: {}", e.getMessage());
    }
    return null;
  }

  /** Deletes everything the source delivered: its GitSource was deleted with {@code prune}. */
  void removeAll(GitSource source) throws InterruptedException, DeliveryException {
    pipeline.deliver(
        new Delivery(
            scope(source),
            "removed",
            List.of(),
            List.of(),
            source.getStatus() == null ? null : source.getStatus().getInventory(),
            true,
            false));
  }

  /** How many apps the revision has, for the health roll-up. */
  int appsIn(GitSource source, Snapshot snapshot) {
    Compilation compilation = compiled.of(source, snapshot);
    return (int) compilation.objects().stream().filter(o -> o instanceof CFApp).count();
  }

  private void refused(GitSource source, Snapshot snapshot, String reason, String message) {
    conditions.ready(source.getStatus(), source, Conditions.FALSE, reason, message);
    Conditions.remove(source.getStatus(), Conditions.RECONCILING);
    statuses.post(source, snapshot.sha(), CommitState.FAILURE, message);
    SourceLog.of(source, snapshot.revision()).log("refused, nothing applied: {}", message);
  }

  /** The refusal, at the manifest of the app it concerns when it concerns one. */
  private static SourceDiagnostic diagnostic(DeliveryException e, Compilation compilation) {
    SourceDiagnostic diagnostic = new SourceDiagnostic();
    diagnostic.setSeverity("error");
    diagnostic.setMessage(e.getMessage());
    e.object()
        .flatMap(
            ref ->
                compilation.objects().stream()
                    .filter(o -> o instanceof CFApp && ObjectRef.of(o).equals(ref))
                    .map(o -> (CFApp) o)
                    .findFirst())
        .ifPresent(
            app -> {
              diagnostic.setApp(app.getSpec().getDisplayName());
              if (app.getSpec().getSource() != null) {
                diagnostic.setFile(app.getSpec().getSource().getFile());
                diagnostic.setLine(app.getSpec().getSource().getLine());
              }
            });
    return diagnostic;
  }

  private static Delivery delivery(
      GitSource source, String revision, Compilation compilation, boolean verify) {
    Set<String> namespaces = new TreeSet<>();
    for (HasMetadata object : compilation.objects()) {
      // The namespaces of orgs and spaces belong to the branch: it creates them first, and
      // deletes them (with everything in them) when Git no longer has the org or space.
      if (object instanceof CFSpace space && space.getSpec().getNamespace() != null) {
        namespaces.add(space.getSpec().getNamespace());
      } else if (object instanceof CFOrg org && org.getSpec().getNamespace() != null) {
        namespaces.add(org.getSpec().getNamespace());
      }
    }
    return new Delivery(
        scope(source),
        revision,
        List.copyOf(namespaces),
        compilation.objects(),
        source.getStatus().getInventory(),
        !Boolean.FALSE.equals(source.getSpec().getPrune()),
        verify);
  }

  /** Everything a branch writes carries its source's labels, which also select it back. */
  static DeliveryScope scope(GitSource source) {
    return new DeliveryScope(
        Map.of(
            Labels.SOURCE, source.getMetadata().getName(),
            Labels.SOURCE_NAMESPACE, source.getMetadata().getNamespace()),
        FIELD_MANAGER,
        Set.of(),
        true);
  }

  private static void summarize(RevisionRecord record, List<AppChange> changes) {
    record.setAppsAdded(count(changes, AppChange.ADDED));
    record.setAppsChanged(count(changes, AppChange.CHANGED));
    record.setAppsRemoved(count(changes, AppChange.REMOVED));
    record.setChanges(
        changes.isEmpty()
            ? null
            : List.copyOf(changes.subList(0, Math.min(CHANGES_KEPT, changes.size()))));
  }

  private static int count(List<AppChange> changes, String action) {
    return (int) changes.stream().filter(c -> action.equals(c.getAction())).count();
  }

  static String shaOf(String revision) {
    if (revision == null) {
      return null;
    }
    int at = revision.indexOf("@sha1:");
    return at < 0 ? null : revision.substring(at + 6);
  }
}
