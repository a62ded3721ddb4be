package dev.gitfoundry.e2e.bench;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Watches the StatefulSets carrying one label (in every namespace) and says when all of them are
 * rolled out and available, with the test of {@code kubectl rollout status statefulset}: the
 * controller saw the newest generation, every replica is of the update revision, ready and
 * available, and the rollout is complete (current revision = update revision). The same yardstick
 * for the baseline and for the operator's StatefulSets.
 */
public final class StatefulSetsAvailable implements AutoCloseable {
  private final SharedIndexInformer<StatefulSet> informer;

  public StatefulSetsAvailable(KubernetesClient client, String labelKey, String labelValue) {
    this.informer =
        client.apps().statefulSets().inAnyNamespace().withLabel(labelKey, labelValue).inform();
  }

  /** Waits until {@code expected} StatefulSets exist and all are available. */
  public void await(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<StatefulSet> statefulSets = informer.getStore().list();
      long available = statefulSets.stream().filter(StatefulSetsAvailable::rolledOut).count();
      if (statefulSets.size() >= expected && available == statefulSets.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "after "
                + timeout
                + ": "
                + available
                + " of "
                + statefulSets.size()
                + " StatefulSets available, "
                + expected
                + " expected");
      }
      Thread.sleep(50);
    }
  }

  /**
   * Waits until the StatefulSet {@code namespace/name} has rolled out a generation after {@code
   * generation}.
   */
  void awaitRolledOut(String namespace, String name, long afterGeneration, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      StatefulSet statefulSet = informer.getStore().getByKey(namespace + "/" + name);
      if (statefulSet != null
          && statefulSet.getMetadata().getGeneration() > afterGeneration
          && rolledOut(statefulSet)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(namespace + "/" + name + " not rolled out after " + timeout);
  }

  /** The StatefulSet named {@code name}, in whichever namespace it is. */
  StatefulSet byName(String name) {
    return informer.getStore().list().stream()
        .filter(s -> name.equals(s.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no StatefulSet " + name));
  }

  long generation(String namespace, String name) {
    StatefulSet statefulSet = informer.getStore().getByKey(namespace + "/" + name);
    return statefulSet == null ? 0 : statefulSet.getMetadata().getGeneration();
  }

  List<StatefulSet> list() {
    return informer.getStore().list();
  }

  static boolean rolledOut(StatefulSet statefulSet) {
    StatefulSetStatus status = statefulSet.getStatus();
    if (status == null || status.getObservedGeneration() == null) {
      return false;
    }
    int replicas = Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1);
    // Until the last replica is updated and ready the controller keeps the old revision current.
    boolean rolloutComplete =
        replicas == 0 || Objects.equals(status.getCurrentRevision(), status.getUpdateRevision());
    return status.getObservedGeneration() >= statefulSet.getMetadata().getGeneration()
        && rolloutComplete
        && Objects.requireNonNullElse(status.getReplicas(), 0) == replicas
        && Objects.requireNonNullElse(status.getUpdatedReplicas(), 0) == replicas
        && Objects.requireNonNullElse(status.getReadyReplicas(), 0) == replicas
        && Objects.requireNonNullElse(status.getAvailableReplicas(), 0) == replicas;
  }

  @Override
  public void close() {
    informer.close();
  }
}
