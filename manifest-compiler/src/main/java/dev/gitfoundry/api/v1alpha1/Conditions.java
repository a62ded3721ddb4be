package dev.gitfoundry.api.v1alpha1;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes Kubernetes conditions on a {@link ResourceStatus}. {@code lastTransitionTime}
 * moves only when a condition's status flips; the caller passes the current time.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private Conditions() {}

  /** The condition of that type, if present. */
  public static Optional<Condition> get(ResourceStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** True when the condition of that type is present with status {@code True}. */
  public static boolean isTrue(ResourceStatus status, String type) {
    return get(status, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
  }

  /**
   * Adds or updates the condition of that type.
   *
   * @param reason CamelCase reason, e.g. {@code Applied}
   * @param observedGeneration generation the condition was computed from, or null
   * @param now current time; becomes {@code lastTransitionTime} only when the status flips (or the
   *     condition is new)
   * @return whether anything changed
   */
  public static boolean set(
      ResourceStatus status,
      String type,
      String conditionStatus,
      String reason,
      String message,
      Long observedGeneration,
      Instant now) {
    List<Condition> conditions = status.getConditions();
    Condition existing = get(status, type).orElse(null);
    Condition c = existing == null ? new Condition() : existing;
    boolean changed = existing == null;
    if (existing == null || !Objects.equals(existing.getStatus(), conditionStatus)) {
      c.setLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS).toString());
      changed = true;
    }
    changed |= !Objects.equals(c.getReason(), reason) || !Objects.equals(c.getMessage(), message);
    changed |= !Objects.equals(c.getObservedGeneration(), observedGeneration);
    c.setType(type);
    c.setStatus(conditionStatus);
    c.setReason(reason);
    c.setMessage(message);
    c.setObservedGeneration(observedGeneration);
    if (existing == null) {
      conditions.add(c);
    }
    return changed;
  }

  /** Removes the condition of that type; returns whether it was present. */
  public static boolean remove(ResourceStatus status, String type) {
    return status.getConditions().removeIf(c -> type.equals(c.getType()));
  }
}
