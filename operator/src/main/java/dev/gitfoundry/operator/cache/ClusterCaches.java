package dev.gitfoundry.operator.cache;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One informer per custom resource kind for everything that reads the cluster outside the
 * reconcilers: the delivery's live state, the CF API and the status pages share them, so each
 * object is held once (without its managed-field sets) instead of once per reader. Readers add
 * their indexes before {@link #start}.
 */
public final class ClusterCaches implements AutoCloseable {
  private final SharedIndexInformer<GitSource> sources;
  private final SharedIndexInformer<CFOrg> orgs;
  private final SharedIndexInformer<CFSpace> spaces;
  private final SharedIndexInformer<CFApp> apps;
  private final SharedIndexInformer<CFRoute> routes;
  private CompletableFuture<Void> started;

  public ClusterCaches(KubernetesClient client) {
    sources = informer(client, GitSource.class);
    orgs = informer(client, CFOrg.class);
    spaces = informer(client, CFSpace.class);
    apps = informer(client, CFApp.class);
    routes = informer(client, CFRoute.class);
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> informer(
      KubernetesClient client, Class<T> kind) {
    return client.resources(kind).inAnyNamespace().runnableInformer(0).itemStore(new LeanStore<>());
  }

  public SharedIndexInformer<GitSource> sources() {
    return sources;
  }

  public SharedIndexInformer<CFOrg> orgs() {
    return orgs;
  }

  public SharedIndexInformer<CFSpace> spaces() {
    return spaces;
  }

  public SharedIndexInformer<CFApp> apps() {
    return apps;
  }

  public SharedIndexInformer<CFRoute> routes() {
    return routes;
  }

  /** Starts every informer once; completes when each has listed. */
  public synchronized CompletableFuture<Void> start() {
    if (started == null) {
      started =
          CompletableFuture.allOf(
              all().stream()
                  .map(i -> i.start().toCompletableFuture())
                  .toArray(CompletableFuture[]::new));
    }
    return started;
  }

  private List<SharedIndexInformer<? extends HasMetadata>> all() {
    return List.of(sources, orgs, spaces, apps, routes);
  }

  @Override
  public void close() {
    all().forEach(SharedIndexInformer::close);
  }
}
