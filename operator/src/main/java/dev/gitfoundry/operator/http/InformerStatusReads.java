package dev.gitfoundry.operator.http;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.cache.ClusterCaches;
import dev.gitfoundry.operator.preview.PreviewLabels;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The status pages' reads from informers: one watch per kind, started with the HTTP server. Every
 * developer opens a page after every push, so a request must not cost API-server calls. Indexes
 * find a source's apps (and a preview's, which carry {@link PreviewLabels} instead of {@link
 * Labels#SOURCE}) without scanning all CFApps.
 */
final class InformerStatusReads implements StatusReads, AutoCloseable {
  private static final String BY_SOURCE = "status-page-source";
  private static final String BY_PREVIEW = "status-page-preview";
  private static final String BY_TARGET_NAMESPACE = "status-page-target-namespace";

  private final SharedIndexInformer<GitSource> sources;
  private final SharedIndexInformer<CFApp> apps;
  private final SharedIndexInformer<CFSpace> spaces;
  private final SharedIndexInformer<CFOrg> orgs;
  private final ClusterCaches caches;
  private volatile CompletableFuture<Void> synced = new CompletableFuture<>();

  /** Adds its indexes to the operator's shared informers, before they start. */
  InformerStatusReads(ClusterCaches caches) {
    this.caches = caches;
    sources = caches.sources();
    apps = caches.apps();
    apps.addIndexers(
        Map.of(
            BY_SOURCE,
            app -> key(label(app, Labels.SOURCE_NAMESPACE), label(app, Labels.SOURCE)),
            BY_PREVIEW,
            app ->
                key(
                    label(app, PreviewLabels.SOURCE_NAMESPACE),
                    label(app, PreviewLabels.SOURCE),
                    label(app, PreviewLabels.PULL_REQUEST))));
    spaces = caches.spaces();
    spaces.addIndexers(
        Map.of(
            BY_TARGET_NAMESPACE,
            space ->
                space.getSpec() == null || space.getSpec().getNamespace() == null
                    ? List.of()
                    : List.of(space.getSpec().getNamespace())));
    orgs = caches.orgs();
  }

  void start() {
    synced = caches.start();
  }

  /** False until every informer listed once (bounded wait), so early requests see no gaps. */
  boolean awaitSynced(Duration timeout) {
    try {
      synced.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public Optional<GitSource> source(String namespace, String name) {
    return Optional.ofNullable(
        sources.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  @Override
  public List<CFApp> apps(String namespace, String name) {
    return apps.getIndexer().byIndex(BY_SOURCE, namespace + "/" + name);
  }

  @Override
  public List<CFApp> previewApps(String namespace, String name, int pullRequest) {
    return apps.getIndexer().byIndex(BY_PREVIEW, namespace + "/" + name + "/" + pullRequest);
  }

  @Override
  public Placement placement(CFApp app) {
    List<CFSpace> owning =
        spaces.getIndexer().byIndex(BY_TARGET_NAMESPACE, app.getMetadata().getNamespace());
    if (owning.isEmpty()) {
      return new Placement(label(app, Labels.ORG), app.getMetadata().getNamespace());
    }
    CFSpace space = owning.get(0);
    CFOrg org =
        orgs.getStore()
            .getByKey(
                Cache.namespaceKeyFunc(
                    space.getMetadata().getNamespace(), space.getSpec().getOrgName()));
    return new Placement(
        org == null || org.getSpec().getDisplayName() == null
            ? label(app, Labels.ORG)
            : org.getSpec().getDisplayName(),
        space.getSpec().getDisplayName() == null
            ? space.getMetadata().getName()
            : space.getSpec().getDisplayName());
  }

  @Override
  public void close() {
    // the shared informers belong to the operator
  }

  private static String label(CFApp app, String name) {
    Map<String, String> labels = app.getMetadata().getLabels();
    return labels == null ? null : labels.get(name);
  }

  private static List<String> key(String... parts) {
    for (String part : parts) {
      if (part == null) {
        return List.of();
      }
    }
    return List.of(String.join("/", parts));
  }
}
