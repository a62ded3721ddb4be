package dev.gitfoundry.e2e.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Watches the Deployments carrying one label (in every namespace) and says when all of them are
 * rolled out and available, with the same test as {@code kubectl rollout status}: the controller
 * saw the newest generation, every replica is updated and available. The same yardstick for the
 * baseline and for the operator's Deployments.
 */
public final class DeploymentsAvailable implements AutoCloseable {
  private final SharedIndexInformer<Deployment> informer;

  public DeploymentsAvailable(KubernetesClient client, String labelKey, String labelValue) {
    this.informer =
        client.apps().deployments().inAnyNamespace().withLabel(labelKey, labelValue).inform();
  }

  /** Waits until {@code expected} Deployments exist and all are available. */
  public void await(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Deployment> deployments = informer.getStore().list();
      long available = deployments.stream().filter(DeploymentsAvailable::rolledOut).count();
      if (deployments.size() >= expected && available == deployments.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "after "
                + timeout
                + ": "
                + available
                + " of "
                + deployments.size()
                + " Deployments available, "
                + expected
                + " expected");
      }
      Thread.sleep(50);
    }
  }

  /**
   * Waits until the Deployment {@code namespace/name} has rolled out a generation after {@code
   * generation}.
   */
  void awaitRolledOut(String namespace, String name, long afterGeneration, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Deployment deployment = informer.getStore().getByKey(namespace + "/" + name);
      if (deployment != null
          && deployment.getMetadata().getGeneration() > afterGeneration
          && rolledOut(deployment)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(namespace + "/" + name + " not rolled out after " + timeout);
  }

  /** The Deployment named {@code name}, in whichever namespace it is. */
  Deployment byName(String name) {
    return informer.getStore().list().stream()
        .filter(d -> name.equals(d.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Deployment " + name));
  }

  long generation(String namespace, String name) {
    Deployment deployment = informer.getStore().getByKey(namespace + "/" + name);
    return deployment == null ? 0 : deployment.getMetadata().getGeneration();
  }

  List<Deployment> list() {
    return informer.getStore().list();
  }

  static boolean rolledOut(Deployment deployment) {
    DeploymentStatus status = deployment.getStatus();
    if (status == null || status.getObservedGeneration() == null) {
      return false;
    }
    int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    return status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
        && Objects.requireNonNullElse(status.getUpdatedReplicas(), 0) == replicas
        && Objects.requireNonNullElse(status.getAvailableReplicas(), 0) == replicas
        && Objects.requireNonNullElse(status.getReplicas(), 0) == replicas;
  }

  @Override
  public void close() {
    informer.close();
  }
}
