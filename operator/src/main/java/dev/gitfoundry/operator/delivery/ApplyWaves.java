package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a plan: server-side apply of what it creates or updates, a wave per kind in dependency
 * order, each wave in parallel; then deletes what it removes, in reverse order. A failed wave stops
 * the waves after it (they may depend on it) and is reported; the next delivery plans again from
 * the cluster and writes only what is still missing.
 */
final class ApplyWaves {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final ClusterWriter writer;
  private final ParallelWrites parallel;

  ApplyWaves(ClusterWriter writer, ParallelWrites parallel) {
    this.writer = writer;
    this.parallel = parallel;
  }

  /** Returns how many objects were written. */
  int write(DeliveryScope scope, String revision, List<ObjectChange> writes)
      throws DeliveryException, InterruptedException {
    int written = 0;
    for (List<ObjectChange> wave : DeliveryOrder.waves(writes)) {
      List<ParallelWrites.Failure> failures =
          parallel.run(
              wave,
              c -> writer.apply(withRevision(c.desired(), revision), scope.fieldManager(), false));
      written += wave.size() - failures.size();
      if (!failures.isEmpty()) {
        throw failed(failures, written);
      }
    }
    return written;
  }

  /** Returns how many objects were deleted. */
  int prune(List<ObjectChange> deletes) throws DeliveryException, InterruptedException {
    int pruned = 0;
    for (List<ObjectChange> wave : DeliveryOrder.reversed(deletes)) {
      List<ParallelWrites.Failure> failures = parallel.run(wave, c -> writer.delete(c.ref()));
      pruned += wave.size() - failures.size();
      if (!failures.isEmpty()) {
        throw failed(failures, pruned);
      }
    }
    return pruned;
  }

  private static DeliveryException failed(List<ParallelWrites.Failure> failures, int done) {
    ParallelWrites.Failure first = failures.get(0);
    DeliveryException error = DeliveryException.of(first.ref(), first.error(), false);
    int others = failures.size() - 1;
    return new DeliveryException(
        error.kind(),
        error.reason(),
        first.ref(),
        error.getMessage()
            + (others > 0 ? " (and " + others + " more)" : "")
            + " after "
            + done
            + " writes; the next attempt writes what is missing");
  }

  /** A copy carrying the revision annotation: desired objects may be shared, never mutated. */
  private static HasMetadata withRevision(HasMetadata desired, String revision) {
    HasMetadata copy = SERIALIZATION.clone(desired);
    Map<String, String> annotations = new TreeMap<>();
    if (copy.getMetadata().getAnnotations() != null) {
      annotations.putAll(copy.getMetadata().getAnnotations());
    }
    annotations.put(Labels.REVISION, revision);
    copy.getMetadata().setAnnotations(annotations);
    return copy;
  }
}
