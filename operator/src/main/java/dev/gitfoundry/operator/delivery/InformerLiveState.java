package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.operator.cache.ClusterCaches;
import dev.gitfoundry.operator.cache.LeanStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link LiveState} from informers, indexed by owner: the shared caches of orgs, spaces, apps and
 * routes, and informers of its own for the env Secrets and Namespaces Gitfoundry manages (label
 * {@code gitfoundry.dev/managed-by}).
 */
public final class InformerLiveState implements LiveState, AutoCloseable {
  private static final String BY_OWNER = "owner";
  private static final String COMPONENT = Labels.PREFIX + "component";

  private final ClusterCaches caches;
  private final Map<String, List<SharedIndexInformer<? extends HasMetadata>>> byKind =
      new LinkedHashMap<>();
  private final List<SharedIndexInformer<? extends HasMetadata>> own = new ArrayList<>();

  /**
   * @param namespaces where to watch env Secrets; empty means everywhere
   */
  public InformerLiveState(KubernetesClient client, Set<String> namespaces, ClusterCaches caches) {
    this.caches = caches;
    byKind.put("CFOrg", List.of(indexed(caches.orgs())));
    byKind.put("CFSpace", List.of(indexed(caches.spaces())));
    byKind.put("CFApp", List.of(indexed(caches.apps())));
    byKind.put("CFRoute", List.of(indexed(caches.routes())));
    // Env Secrets only: the runtime Secrets the CFApp reconciler makes (a component label) are
    // not delivered from Git.
    List<SharedIndexInformer<? extends HasMetadata>> secrets = new ArrayList<>();
    if (namespaces.isEmpty()) {
      secrets.add(managed(client.resources(Secret.class).inAnyNamespace().withoutLabel(COMPONENT)));
    } else {
      for (String namespace : namespaces) {
        secrets.add(
            managed(client.resources(Secret.class).inNamespace(namespace).withoutLabel(COMPONENT)));
      }
    }
    byKind.put("Secret", secrets);
    byKind.put("Namespace", List.of(managed(client.resources(Namespace.class))));
  }

  private <T extends HasMetadata> SharedIndexInformer<T> managed(
      FilterWatchListDeletable<T, ?, ?> resources) {
    SharedIndexInformer<T> informer =
        resources
            .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
            .runnableInformer(0)
            .itemStore(new LeanStore<>());
    own.add(informer);
    return indexed(informer);
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> indexed(
      SharedIndexInformer<T> informer) {
    informer.addIndexers(
        Map.of(
            BY_OWNER,
            object -> Owner.of(object.getMetadata().getLabels()).map(List::of).orElse(List.of())));
    return informer;
  }

  /** Starts the informers (the shared ones too) and waits until each has listed once. */
  public void start() {
    List<CompletableFuture<?>> started = new ArrayList<>();
    started.add(caches.start());
    own.forEach(i -> started.add(i.start().toCompletableFuture()));
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("live-state informers did not sync: " + e.getMessage(), e);
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
    for (List<SharedIndexInformer<? extends HasMetadata>> informers : byKind.values()) {
      for (SharedIndexInformer<? extends HasMetadata> informer : informers) {
        owned.addAll(informer.getIndexer().byIndex(BY_OWNER, owner));
      }
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

  /** Closes the informers of its own; the shared ones belong to their owner. */
  @Override
  public void close() {
    own.forEach(SharedIndexInformer::close);
  }
}
