package dev.gitfoundry.operator.workload;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The one place exceptions are classified. Invalid input (our {@link InvalidSpecException}, or the
 * API server rejecting a child as invalid) stalls; anything else is transient and retried.
 */
public final class Failures {
  private Failures() {}

  public static Readiness classify(Exception failure) {
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = new HashSet<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable t = pending.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof InvalidSpecException invalid) {
        return Readiness.stalled(invalid.reason(), invalid.getMessage());
      }
      if (t instanceof KubernetesClientException k && k.getCode() == 422) {
        return Readiness.stalled(Reasons.INVALID_SPEC, "rejected by the API server: " + summary(k));
      }
      if (t instanceof AggregatedOperatorException aggregated) {
        pending.addAll(aggregated.getAggregatedExceptions().values());
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
    }
    return Readiness.waiting(Reasons.RECONCILE_FAILED, summary(failure), null);
  }

  /** Whether JOSDK should retry: everything but stalls. */
  public static boolean retryable(Readiness readiness) {
    return readiness.kind() != Readiness.Kind.STALLED;
  }

  private static String summary(Throwable t) {
    if (t instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null) {
      return k.getStatus().getMessage();
    }
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
