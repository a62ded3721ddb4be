package dev.gitfoundry.operator.delivery;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs one wave of API calls in parallel on a bounded pool shared by every delivery, and waits for
 * all of them: a wave is never left half done because one call failed. The failures come back in
 * the order of the objects, so the first one reported is stable.
 */
public final class ParallelWrites {
  private final ExecutorService pool;

  /**
   * @param pool bounds how many calls all deliveries make at once
   */
  public ParallelWrites(ExecutorService pool) {
    this.pool = pool;
  }

  /** One failed call. */
  record Failure(int index, ObjectRef ref, KubernetesClientException error) {}

  /** Calls {@code call} for each change; returns the failures, in input order. */
  List<Failure> run(List<ObjectChange> changes, Consumer<ObjectChange> call)
      throws InterruptedException {
    List<Future<?>> futures = new ArrayList<>(changes.size());
    for (ObjectChange change : changes) {
      futures.add(pool.submit(() -> call.accept(change)));
    }
    List<Failure> failures = new ArrayList<>();
    RuntimeException unexpected = null;
    for (int i = 0; i < futures.size(); i++) {
      try {
        futures.get(i).get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof KubernetesClientException k) {
          failures.add(new Failure(i, changes.get(i).ref(), k));
        } else if (unexpected == null) {
          unexpected =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
        }
      }
    }
    if (unexpected != null) {
      throw unexpected;
    }
    failures.sort(Comparator.comparingInt(Failure::index));
    return failures;
  }
}
