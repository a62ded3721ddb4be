package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@link LiveState} from one informer per kind, selecting only what Gitfoundry manages (label
 * {@code gitfoundry.dev/managed-by}), indexed by owner. Cached copies drop {@code managedFields},
 * which is most of an object's size and never read here.
 */
public final class InformerLiveState implements LiveState, AutoCloseable {
  private static final String BY_OWNER = "owner";
  private static final List<Class<? extends HasMetadata>> NAMESPACED =
      List.of(CFOrg.class, CFSpace.class, Secret.class, CFApp.class, CFRoute.class);

  private final Map<String, List<SharedIndexInformer<? extends HasMetadata>>> byKind =
      new LinkedHashMap<>();

  /**
   * @param namespaces where to watch namespaced kinds; empty means everywhere
   */
  public InformerLiveState(KubernetesClient client, Set<String> namespaces) {
    for (Class<? extends HasMetadata> kind : NAMESPACED) {
      List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
      if (namespaces.isEmpty()) {
        informers.add(informer(client.resources(kind).inAnyNamespace()));
      } else {
        for (String namespace : namespaces) {
          informers.add(informer(client.resources(kind).inNamespace(namespace)));
        }
      }
      byKind.put(io.fabric8.kubernetes.api.model.HasMetadata.getKind(kind), informers);
    }
    byKind.put("Namespace", List.of(informer(client.resources(Namespace.class))));
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> informer(
      io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable<T, ?, ?> resources) {
    SharedIndexInformer<T> informer =
        resources
            .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
            .runnableInformer(0)
            .itemStore(new WithoutManagedFields<>());
    informer.addIndexers(
        Map.of(
            BY_OWNER,
            object -> Owner.of(object.getMetadata().getLabels()).map(List::of).orElse(List.of())));
    return informer;
  }

  /** Starts every informer and waits until each has listed once. */
  public void start() {
    List<java.util.concurrent.CompletableFuture<Void>> started =
        all().stream().map(i -> i.start().toCompletableFuture()).toList();
    for (var future : started) {
      try {
        future.get(2, TimeUnit.MINUTES);
      } catch (Exception e) {
        throw new IllegalStateException("live-state informer did not sync: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<HasMetadata> get(String kind, String namespace, String name) {
    String key = namespace == null ? name : namespace + "/" + name;
    for (SharedIndexInformer<? extends HasMetadata> informer :
        byKind.getOrDefault(kind, List.of())) {
      HasMetadata object = informer.getStore().getByKey(key);
      if (object != null) {
        return Optional.of(object);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<HasMetadata> all(String kind) {
    List<HasMetadata> all = new ArrayList<>();
    for (SharedIndexInformer<? extends HasMetadata> informer :
        byKind.getOrDefault(kind, List.of())) {
      all.addAll(informer.getStore().list());
    }
    return all;
  }

  @Override
  public List<HasMetadata> owned(String owner) {
    List<HasMetadata> owned = new ArrayList<>();
    for (SharedIndexInformer<? extends HasMetadata> informer : all()) {
      owned.addAll(informer.getIndexer().byIndex(BY_OWNER, owner));
    }
    return owned;
  }

  /** Live objects of one kind owned by {@code owner}, for the health roll-up. */
  public <T extends HasMetadata> List<T> owned(String owner, Class<T> kind) {
    List<T> owned = new ArrayList<>();
    for (SharedIndexInformer<? extends HasMetadata> informer :
        byKind.getOrDefault(HasMetadata.getKind(kind), List.of())) {
      for (HasMetadata object : informer.getIndexer().byIndex(BY_OWNER, owner)) {
        owned.add(kind.cast(object));
      }
    }
    return owned;
  }

  private List<SharedIndexInformer<? extends HasMetadata>> all() {
    return byKind.values().stream().flatMap(List::stream).toList();
  }

  @Override
  public void close() {
    all().forEach(SharedIndexInformer::close);
  }

  /** The informer's store, keeping objects without their managed-fields bookkeeping. */
  private static final class WithoutManagedFields<T extends HasMetadata> implements ItemStore<T> {
    private final BasicItemStore<T> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

    @Override
    public String getKey(T object) {
      return store.getKey(object);
    }

    @Override
    public T put(String key, T object) {
      object.getMetadata().setManagedFields(null);
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
}
