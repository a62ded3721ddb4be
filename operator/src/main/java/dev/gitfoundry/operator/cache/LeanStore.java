package dev.gitfoundry.operator.cache;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An informer store that keeps objects without the field sets of their {@code managedFields} (most
 * of an object's size, never read here), but with each manager and its time, which say when an
 * object last changed; and, for readers that need only part of an object, without the rest.
 *
 * <p>Not for the informers of dependent resources: JOSDK compares their managed fields to decide
 * whether a server-side apply is needed. Nor for a JOSDK controller or event source over several
 * namespaces: see {@link #fitsOneInformer}.
 */
public final class LeanStore<T extends HasMetadata> implements ItemStore<T> {
  private final BasicItemStore<T> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final Consumer<T> trim;

  public LeanStore() {
    this(object -> {});
  }

  /**
   * @param trim drops what the readers of this cache never look at
   */
  public LeanStore(Consumer<T> trim) {
    this.trim = trim;
  }

  /** Pods for health: labels and status; the spec (containers, env, volumes) is dropped. */
  public static LeanStore<Pod> podStatus() {
    return new LeanStore<>(pod -> pod.setSpec(null));
  }

  /**
   * Pods for the CF API: labels, status, the node and the containers' names (for logs); the rest of
   * the spec (env, volumes, probes) is dropped.
   */
  public static LeanStore<Pod> podInstances() {
    return new LeanStore<>(
        pod -> {
          PodSpec spec = pod.getSpec();
          if (spec == null) {
            return;
          }
          PodSpec lean = new PodSpec();
          lean.setNodeName(spec.getNodeName());
          if (spec.getContainers() != null) {
            lean.setContainers(
                spec.getContainers().stream()
                    .map(c -> new ContainerBuilder().withName(c.getName()).build())
                    .toList());
          }
          pod.setSpec(lean);
        });
  }

  /**
   * Whether a JOSDK informer configuration over these namespaces may take a lean store. JOSDK
   * starts one informer per namespace and hands each the same configured store instance; every
   * informer's list then removes from that store what its own namespace lacks, so a namespace
   * listed late (or empty) "deletes" the objects of the others: a GitSource reconciled as deleted,
   * an app's Pods gone. With all namespaces (or one) there is exactly one informer. The namespaces
   * are JOSDK's: the set holding the empty string for all namespaces.
   */
  public static boolean fitsOneInformer(Set<String> namespaces) {
    return namespaces.size() <= 1;
  }

  @Override
  public String getKey(T object) {
    return store.getKey(object);
  }

  @Override
  public T put(String key, T object) {
    if (object.getMetadata().getManagedFields() != null) {
      for (ManagedFieldsEntry entry : object.getMetadata().getManagedFields()) {
        entry.setFieldsV1(null);
      }
    }
    trim.accept(object);
    return store.put(key, object);
  }

  @Override
  public T remove(String key) {
    return store.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet();
  }

  @Override
  public Stream<T> values() {
    return store.values();
  }

  @Override
  public T get(String key) {
    return store.get(key);
  }

  @Override
  public int size() {
    return store.size();
  }
}
