package dev.gitfoundry.e2e.bench;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baselines' physical limit: objects written straight to the API server by plain parallel
 * server-side apply (no plan, no dry-run, no checks), and removed again without waiting for the
 * controllers' one-by-one garbage collection.
 */
public final class PlainApply {
  static final String FIELD_MANAGER = "bench-baseline";

  private PlainApply() {}

  /** Creates the namespaces, then applies every object, {@code concurrency} calls at a time. */
  public static void apply(
      KubernetesClient client,
      Collection<String> namespaces,
      List<? extends HasMetadata> objects,
      int concurrency)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<HasMetadata> namespaceObjects = new ArrayList<>();
      for (String namespace : namespaces) {
        namespaceObjects.add(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
      }
      applyAll(client, pool, namespaceObjects);
      applyAll(client, pool, objects);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void applyAll(
      KubernetesClient client, ExecutorService pool, List<? extends HasMetadata> objects)
      throws Exception {
    List<Future<?>> writes = new ArrayList<>();
    for (HasMetadata object : objects) {
      writes.add(
          pool.submit(
              () ->
                  client
                      .resource(object)
                      .fieldManager(FIELD_MANAGER)
                      .forceConflicts()
                      .serverSideApply()));
    }
    for (Future<?> write : writes) {
      write.get();
    }
  }

  /**
   * Copies of live StatefulSets and Services for {@code namespace}: their specs as the API server
   * holds them, without what the server or a controller filled in (status, cluster IPs, owners),
   * labelled {@code label=true}.
   */
  public static List<HasMetadata> copies(
      List<StatefulSet> statefulSets, List<Service> services, String namespace, String label) {
    List<HasMetadata> copies = new ArrayList<>();
    for (StatefulSet statefulSet : statefulSets) {
      copies.add(
          new StatefulSetBuilder()
              .withNewMetadata()
              .withName(statefulSet.getMetadata().getName())
              .withNamespace(namespace)
              .withLabels(statefulSet.getMetadata().getLabels())
              .addToLabels(label, "true")
              .endMetadata()
              .withSpec(statefulSet.getSpec())
              .build());
    }
    for (Service service : services) {
      copies.add(
          new ServiceBuilder()
              .withNewMetadata()
              .withName(service.getMetadata().getName())
              .withNamespace(namespace)
              .withLabels(service.getMetadata().getLabels())
              .addToLabels(label, "true")
              .endMetadata()
              .withNewSpec()
              .withSelector(service.getSpec().getSelector())
              .withPorts(service.getSpec().getPorts())
              .endSpec()
              .build());
    }
    return copies;
  }

  /**
   * Removes the namespaces and waits until they are gone. Workloads are deleted by collection first
   * (Pods without grace: nothing runs in them), so that the next phase does not start while the
   * controller-manager still garbage-collects thousands of objects one at a time. StatefulSets go
   * first, orphaning: a StatefulSet being deleted no longer replaces the Pods deleted next.
   */
  public static void deleteNamespaces(
      KubernetesClient client, Collection<String> namespaces, Duration timeout)
      throws InterruptedException {
    for (String namespace : namespaces) {
      client
          .apps()
          .statefulSets()
          .inNamespace(namespace)
          .withPropagationPolicy(DeletionPropagation.ORPHAN)
          .delete();
      client.pods().inNamespace(namespace).withGracePeriod(0).delete();
      client.services().inNamespace(namespace).delete();
      client.namespaces().withName(namespace).delete();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String namespace : namespaces) {
      while (client.namespaces().withName(namespace).get() != null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "namespace " + namespace + " still there after " + timeout);
        }
        Thread.sleep(200);
      }
    }
  }
}
