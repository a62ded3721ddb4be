package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.operator.cache.ClusterCaches;
import dev.gitfoundry.operator.cache.LeanStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Everything the CF API reads, from informers kept by one watch per kind: requests never call the
 * API server per object. Indexes answer the lookups the endpoints make (by GUID, by namespace, by
 * app) without scanning.
 */
final class FoundationCache implements AutoCloseable {
  private static final String BY_GUID = "guid";
  private static final String BY_TARGET_NAMESPACE = "target-namespace";
  private static final String BY_PROCESS_GUID = "process-guid";
  private static final String BY_APP_GUID = "app-guid";

  private final SharedIndexInformer<CFOrg> orgs;
  private final SharedIndexInformer<CFSpace> spaces;
  private final SharedIndexInformer<CFApp> apps;
  private final SharedIndexInformer<CFRoute> routes;
  private final SharedIndexInformer<Pod> pods;
  private final ClusterCaches caches;
  private volatile CompletableFuture<Void> synced = new CompletableFuture<>();

  /**
   * @param caches the operator's shared informers of orgs, spaces, apps and routes, to which this
   *     adds its indexes (before they start)
   */
  FoundationCache(KubernetesClient client, ClusterCaches caches) {
    this.caches = caches;
    orgs = caches.orgs();
    orgs.addIndexers(
        Map.of(
            BY_GUID, org -> List.of(CfGuids.of(org)),
            BY_TARGET_NAMESPACE, org -> nullSafe(org.getSpec().getNamespace())));
    spaces = caches.spaces();
    spaces.addIndexers(
        Map.of(
            BY_GUID, space -> List.of(CfGuids.of(space)),
            BY_TARGET_NAMESPACE, space -> nullSafe(space.getSpec().getNamespace())));
    apps = caches.apps();
    apps.addIndexers(
        Map.of(
            BY_GUID,
            app -> List.of(CfGuids.of(app)),
            BY_PROCESS_GUID,
            FoundationCache::processGuids));
    routes = caches.routes();
    routes.addIndexers(
        Map.of(
            BY_GUID,
            route ->
                List.of(
                    CfGuids.route(
                        route.getMetadata().getNamespace(), route.getMetadata().getName()))));
    pods =
        client
            .pods()
            .inAnyNamespace()
            .withLabel(Labels.APP_GUID)
            .runnableInformer(0)
            .itemStore(LeanStore.podInstances());
    pods.addIndexers(
        Map.of(BY_APP_GUID, pod -> nullSafe(pod.getMetadata().getLabels().get(Labels.APP_GUID))));
  }

  /**
   * @param others further caches whose first sync requests wait for too
   */
  void start(CompletableFuture<?>... others) {
    List<CompletableFuture<?>> starts = new ArrayList<>(List.of(others));
    starts.add(caches.start());
    starts.add(pods.start().toCompletableFuture());
    synced = CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new));
  }

  /** Waits (bounded) for the first list of every kind, so early requests do not see nothing. */
  void awaitSynced() {
    try {
      synced.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("CF API caches did not sync", e);
    }
  }

  List<CFOrg> orgs() {
    return orgs.getStore().list();
  }

  Optional<CFOrg> org(String guid) {
    return first(orgs, BY_GUID, guid);
  }

  /** The org a space belongs to: {@code spec.orgName} names a CFOrg beside the CFSpace. */
  Optional<CFOrg> orgOf(CFSpace space) {
    return Optional.ofNullable(
        orgs.getStore()
            .getByKey(
                Cache.namespaceKeyFunc(
                    space.getMetadata().getNamespace(), space.getSpec().getOrgName())));
  }

  List<CFSpace> spaces() {
    return spaces.getStore().list();
  }

  Optional<CFSpace> space(String guid) {
    return first(spaces, BY_GUID, guid);
  }

  /** The space whose namespace holds an app or route. */
  Optional<CFSpace> spaceOwning(String namespace) {
    return first(spaces, BY_TARGET_NAMESPACE, namespace);
  }

  List<CFApp> apps() {
    return apps.getStore().list();
  }

  List<CFApp> appsIn(String namespace) {
    return apps.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  Optional<CFApp> app(String guid) {
    return first(apps, BY_GUID, guid);
  }

  /** An app by its Kubernetes name, else by its CF name, within one namespace. */
  Optional<CFApp> appNamed(String namespace, String name) {
    CFApp byKey = apps.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name));
    if (byKey != null) {
      return Optional.of(byKey);
    }
    return appsIn(namespace).stream()
        .filter(app -> name.equals(app.getSpec().getDisplayName()))
        .findFirst();
  }

  Optional<CFApp> appWithProcess(String processGuid) {
    return first(apps, BY_PROCESS_GUID, processGuid);
  }

  List<CFRoute> routes() {
    return routes.getStore().list();
  }

  List<CFRoute> routesIn(String namespace) {
    return routes.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  Optional<CFRoute> route(String guid) {
    return first(routes, BY_GUID, guid);
  }

  List<Pod> podsOf(String appGuid) {
    return pods.getIndexer().byIndex(BY_APP_GUID, appGuid);
  }

  /** The Pods of one process of an app, in instance order. */
  List<Pod> podsOf(String appGuid, String processType) {
    return InstanceStates.ordered(
        podsOf(appGuid).stream()
            .filter(
                pod -> processType.equals(pod.getMetadata().getLabels().get(Labels.PROCESS_TYPE)))
            .toList());
  }

  @Override
  public void close() {
    pods.close(); // the shared informers belong to the operator
  }

  private static List<String> processGuids(CFApp app) {
    List<String> guids = new ArrayList<>();
    for (ProcessSpec process : processesOf(app)) {
      guids.add(CfGuids.process(CfGuids.of(app), process.getType()));
    }
    return guids;
  }

  static List<ProcessSpec> processesOf(CFApp app) {
    List<ProcessSpec> processes = app.getSpec() == null ? null : app.getSpec().getProcesses();
    return processes == null ? List.of() : processes;
  }

  private static List<String> nullSafe(String value) {
    return value == null ? List.of() : List.of(value);
  }

  private static <T extends HasMetadata> Optional<T> first(
      SharedIndexInformer<T> informer, String index, String key) {
    if (key == null) {
      return Optional.empty();
    }
    List<T> found = informer.getIndexer().byIndex(index, key);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }
}
