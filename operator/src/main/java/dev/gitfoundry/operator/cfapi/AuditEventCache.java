package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored audit events of every space, from one informer on their ConfigMaps; each ConfigMap is
 * parsed once per resourceVersion, not once per request.
 */
final class AuditEventCache implements AutoCloseable {
  private record Parsed(String resourceVersion, List<JsonNode> events) {}

  private final SharedIndexInformer<ConfigMap> configMaps;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  AuditEventCache(KubernetesClient client) {
    configMaps =
        client
            .configMaps()
            .inAnyNamespace()
            .withLabel(WorkloadLabels.COMPONENT, AuditEventStore.COMPONENT)
            .runnableInformer(0);
  }

  CompletableFuture<Void> start() {
    return configMaps.start().toCompletableFuture();
  }

  /** The events of the space whose Namespace is {@code namespace}, newest first. */
  List<JsonNode> eventsIn(String namespace) {
    ConfigMap configMap =
        configMaps.getStore().getByKey(Cache.namespaceKeyFunc(namespace, AuditEventStore.NAME));
    if (configMap == null || configMap.getData() == null) {
      parsed.remove(namespace);
      return List.of();
    }
    String version = configMap.getMetadata().getResourceVersion();
    Parsed known = parsed.get(namespace);
    if (known != null && known.resourceVersion().equals(version)) {
      return known.events();
    }
    List<JsonNode> events =
        List.copyOf(AuditEventStore.parse(configMap.getData().get(AuditEventStore.KEY)));
    parsed.put(namespace, new Parsed(version, events));
    return events;
  }

  @Override
  public void close() {
    configMaps.close();
  }
}
