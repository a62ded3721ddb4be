package dev.gitfoundry.operator.workload;

import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitfoundryResource;
import dev.gitfoundry.api.v1alpha1.ResourceStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The status contract shared by every workload reconciler: observedGeneration, {@code Ready}
 * always, {@code Reconciling} while waiting, {@code Stalled} when stalled; patched from a fresh
 * object holding only name, namespace and status, and only when something changed.
 */
public final class StatusPatch<P extends GitfoundryResource<?, S>, S extends ResourceStatus> {
  private final Supplier<P> factory;
  private final Clock clock;

  public StatusPatch(Supplier<P> factory, Clock clock) {
    this.factory = factory;
    this.clock = clock;
  }

  /** {@code status} holds the kind-specific fields; conditions are merged from the primary. */
  public UpdateControl<P> update(P primary, S status, Readiness readiness) {
    P fresh = freshWith(primary, status, readiness);
    UpdateControl<P> control =
        fresh == null ? UpdateControl.noUpdate() : UpdateControl.patchStatus(fresh);
    if (readiness.kind() == Readiness.Kind.WAITING && readiness.retryAfter() != null) {
      control.rescheduleAfter(readiness.retryAfter());
    }
    return control;
  }

  /** Maps a failure through {@link Failures} onto the same contract. */
  public ErrorStatusUpdateControl<P> failed(P primary, S status, Exception failure) {
    Readiness readiness = Failures.classify(failure);
    P fresh = freshWith(primary, status, readiness);
    ErrorStatusUpdateControl<P> control =
        fresh == null
            ? ErrorStatusUpdateControl.noStatusUpdate()
            : ErrorStatusUpdateControl.patchStatus(fresh);
    return Failures.retryable(readiness) ? control : control.withNoRetry();
  }

  private P freshWith(P primary, S status, Readiness readiness) {
    Long generation = primary.getMetadata().getGeneration();
    S previous = primary.getStatus();
    status.setConditions(previous == null ? List.of() : copy(previous.getConditions()));
    status.setObservedGeneration(generation);
    var now = clock.instant();
    Conditions.set(
        status,
        Conditions.READY,
        readiness.isReady() ? Conditions.TRUE : Conditions.FALSE,
        readiness.reason(),
        readiness.message(),
        generation,
        now);
    setOrRemove(status, Conditions.RECONCILING, readiness, Readiness.Kind.WAITING, now);
    setOrRemove(status, Conditions.STALLED, readiness, Readiness.Kind.STALLED, now);
    if (status.equals(previous)) {
      return null;
    }
    P fresh = factory.get();
    ObjectMeta meta = primary.getMetadata();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(meta.getName())
            .withNamespace(meta.getNamespace())
            .build());
    fresh.setSpec(null);
    fresh.setStatus(status);
    return fresh;
  }

  private static void setOrRemove(
      ResourceStatus status,
      String type,
      Readiness readiness,
      Readiness.Kind when,
      java.time.Instant now) {
    if (readiness.kind() == when) {
      Conditions.set(
          status,
          type,
          Conditions.TRUE,
          readiness.reason(),
          readiness.message(),
          status.getObservedGeneration(),
          now);
    } else {
      Conditions.remove(status, type);
    }
  }

  private static List<Condition> copy(List<Condition> conditions) {
    return conditions == null
        ? List.of()
        : conditions.stream().map(c -> new ConditionBuilder(c).build()).toList();
  }
}
