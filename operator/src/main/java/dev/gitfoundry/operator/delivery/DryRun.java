package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.gitsync.ErrorKind;
import java.util.List;

/**
 * Asks the API server to check every object a plan writes (server-side apply with {@code
 * dryRun=All}: schema, admission policies, webhooks, quotas) before any of them is written, so a
 * revision the API would refuse in part is refused whole.
 */
final class DryRun {
  private final ClusterWriter writer;
  private final ParallelWrites parallel;

  DryRun(ClusterWriter writer, ParallelWrites parallel) {
    this.writer = writer;
    this.parallel = parallel;
  }

  void check(DeliveryScope scope, List<ObjectChange> writes)
      throws DeliveryException, InterruptedException {
    List<ParallelWrites.Failure> failures =
        parallel.run(writes, c -> writer.apply(c.desired(), scope.fieldManager(), true));
    if (failures.isEmpty()) {
      return;
    }
    ParallelWrites.Failure first =
        failures.stream()
            .filter(f -> DeliveryException.kindOf(f.error()) == ErrorKind.INVALID_INPUT)
            .findFirst()
            .orElse(failures.get(0));
    DeliveryException refusal = DeliveryException.of(first.ref(), first.error(), true);
    int others = failures.size() - 1;
    throw new DeliveryException(
        refusal.kind(),
        refusal.reason(),
        first.ref(),
        refusal.getMessage()
            + (others > 0 ? " (and " + others + " more)" : "")
            + "; nothing was written");
  }
}
