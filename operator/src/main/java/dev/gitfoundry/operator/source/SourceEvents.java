package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.delivery.DeliveryResult;
import dev.gitfoundry.operator.events.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes Events on a GitSource, the way Flux's controllers record them, without spam: one per
 * revision applied or failing to compile, and otherwise one per change of the Ready condition's
 * reason. A fetch failing for an hour of polls is one {@code FetchFailed}; a commit whose apps come
 * up is one {@code Succeeded}.
 */
final class SourceEvents {
  static final String APPLIED = "Applied";
  static final String COMPILE_FAILED = "CompileFailed";
  static final String DRIFT_CORRECTED = "DriftCorrected";

  /**
   * Ready reasons never recorded on a transition: compile failures are recorded per revision (two
   * bad commits in a row keep the reason), and progress is covered by {@link #APPLIED}.
   */
  private static final Set<String> NOT_ON_TRANSITION = Set.of(COMPILE_FAILED, "Progressing");

  /**
   * Ready reasons recorded again when only the message changes, because the message names what is
   * new: the revision that succeeded, or the object another source holds.
   */
  private static final Set<String> NEW_MESSAGE_IS_NEWS = Set.of("Succeeded", OwnershipCheck.REASON);

  /** The Ready condition as a reconcile found it, to compare with what it leaves. */
  record ReadyState(String status, String reason, String message) {
    static ReadyState of(GitSource source) {
      return Conditions.get(source.getStatus(), Conditions.READY)
          .map(c -> new ReadyState(c.getStatus(), c.getReason(), c.getMessage()))
          .orElse(new ReadyState(null, null, null));
    }
  }

  /** One event to record. */
  record SourceEvent(EventRecorder.Type type, String reason, String message) {}

  private final KubernetesClient client;
  private final EventRecorder recorder;

  SourceEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.recorder = new EventRecorder("gitfoundry-source", clock);
  }

  void applied(GitSource source, String revision, DeliveryResult result) {
    recorder.record(
        client,
        source,
        EventRecorder.Type.NORMAL,
        APPLIED,
        "applied "
            + revision
            + ": "
            + result.written()
            + " written, "
            + result.unchanged()
            + " unchanged, "
            + result.pruned()
            + " pruned");
  }

  void driftCorrected(GitSource source, String revision, DeliveryResult result) {
    recorder.record(
        client,
        source,
        EventRecorder.Type.WARNING,
        DRIFT_CORRECTED,
        "set back "
            + result.written()
            + " object(s) changed outside Git and pruned "
            + result.pruned()
            + " to match "
            + revision);
  }

  void compileFailed(GitSource source, String revision, String firstErrorAndCount) {
    recorder.record(
        client,
        source,
        EventRecorder.Type.WARNING,
        COMPILE_FAILED,
        revision + ": " + firstErrorAndCount + "; nothing was applied");
  }

  /** Records what the change of the Ready condition since {@code before} is worth, if anything. */
  void readyChanged(GitSource source, ReadyState before) {
    onReadyChange(before, ReadyState.of(source))
        .ifPresent(e -> recorder.record(client, source, e.type(), e.reason(), e.message()));
  }

  static Optional<SourceEvent> onReadyChange(ReadyState before, ReadyState after) {
    if (after.reason() == null || NOT_ON_TRANSITION.contains(after.reason())) {
      return Optional.empty();
    }
    boolean news =
        !Objects.equals(before.reason(), after.reason())
            || !Objects.equals(before.status(), after.status())
            || (NEW_MESSAGE_IS_NEWS.contains(after.reason())
                && !Objects.equals(before.message(), after.message()));
    if (!news) {
      return Optional.empty();
    }
    EventRecorder.Type type =
        Conditions.FALSE.equals(after.status())
            ? EventRecorder.Type.WARNING
            : EventRecorder.Type.NORMAL;
    return Optional.of(new SourceEvent(type, after.reason(), after.message()));
  }
}
