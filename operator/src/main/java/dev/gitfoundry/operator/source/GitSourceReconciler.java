package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.gitsync.Snapshot;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A GitSource's branch, delivered: keep it polled, deliver each new revision (compile, plan,
 * dry-run, apply), set back what was edited by hand, report how the apps are doing. Each step is a
 * collaborator; this class only orders them and writes the status once, at the end.
 */
@ControllerConfiguration(
    name = "gitsource",
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public final class GitSourceReconciler implements Reconciler<GitSource>, Cleaner<GitSource> {
  private static final Duration UNTIL_FIRST_FETCH = Duration.ofSeconds(2);
  private static final Duration REFUSED_RECHECK = Duration.ofMinutes(1);

  private final SourceSubscription subscription;
  private final BranchDelivery delivery;
  private final BranchHealth health;
  private final DriftChecks driftChecks;
  private final SourceConditions conditions;
  private final SourceEvents events;
  private final BooleanSupplier leading;

  GitSourceReconciler(
      SourceSubscription subscription,
      BranchDelivery delivery,
      BranchHealth health,
      DriftChecks driftChecks,
      SourceConditions conditions,
      SourceEvents events,
      BooleanSupplier leading) {
    this.subscription = subscription;
    this.delivery = delivery;
    this.health = health;
    this.driftChecks = driftChecks;
    this.conditions = conditions;
    this.events = events;
    this.leading = leading;
  }

  @Override
  public List<EventSource<?, GitSource>> prepareEventSources(EventSourceContext<GitSource> ctx) {
    return subscription.eventSources();
  }

  @Override
  public UpdateControl<GitSource> reconcile(GitSource source, Context<GitSource> context)
      throws Exception {
    if (!leading.getAsBoolean()) {
      return UpdateControl.noUpdate(); // the Lease is gone: acting would race the new leader
    }
    SourceEvents.ReadyState before = SourceEvents.ReadyState.of(source);
    Duration next = steps(source);
    events.readyChanged(source, before);
    SourceStatusWrite.patch(source, context);
    UpdateControl<GitSource> none = UpdateControl.noUpdate();
    return next == null ? none : none.rescheduleAfter(next);
  }

  /** The steps in order; returns when to reconcile again (null: when something changes). */
  private Duration steps(GitSource source) throws Exception {
    GitSourceStatus status =
        source.getStatus() == null ? new GitSourceStatus() : source.getStatus();
    source.setStatus(status);
    status.setPreviews(null); // the preview controller's field: a stale copy must not overwrite it
    status.setObservedGeneration(source.getMetadata().getGeneration());
    if (Boolean.TRUE.equals(source.getSpec().getSuspend())) {
      subscription.stop(source);
      conditions.suspended(status, source);
      return null;
    }
    try {
      subscription.keep(source);
    } catch (SourceSecrets.MissingSecretException e) {
      conditions.ready(status, source, Conditions.FALSE, "SecretNotFound", e.getMessage());
      return Duration.ofMinutes(1);
    }
    SourceSnapshots.State state = subscription.state(source).orElse(null);
    conditions.fetched(status, source, state);
    if (state == null || state.snapshot() == null) {
      return UNTIL_FIRST_FETCH;
    }
    Snapshot snapshot = state.snapshot();
    status.setLastFetchedRevision(snapshot.revision());
    ResourceID id = ResourceID.fromResource(source);
    Duration nextDriftCheck = null;
    if (!snapshot.revision().equals(status.getLastAttemptedRevision())) {
      switch (delivery.deliver(source, snapshot)) {
        case FAILED -> {
          return null;
        }
        case RETRY -> {
          return REFUSED_RECHECK;
        }
        case APPLIED -> {
          driftChecks.applied(id);
          health.applied(source);
        }
      }
    } else if (snapshot.revision().equals(status.getLastAppliedRevision())) {
      nextDriftCheck = driftChecks.takeIfDue(id);
      nextDriftCheck =
          nextDriftCheck.isZero() ? delivery.correctDrift(source, snapshot) : nextDriftCheck;
    }
    if (state.failure() != null) {
      return null;
    }
    if (!snapshot.revision().equals(status.getLastAppliedRevision())) {
      conditions.compileFailedAgain(status, source, snapshot);
      return null;
    }
    Duration next = health.report(source, snapshot, delivery.appsIn(source, snapshot));
    // A hand edit woke this reconcile too soon after the last drift check: look again when due.
    return next == null ? nextDriftCheck : next;
  }

  @Override
  public DeleteControl cleanup(GitSource source, Context<GitSource> context) throws Exception {
    driftChecks.forget(ResourceID.fromResource(source));
    health.forget(source);
    subscription.stop(source);
    if (!Boolean.FALSE.equals(source.getSpec().getPrune())) {
      delivery.removeAll(source);
    }
    return DeleteControl.defaultDelete();
  }
}
