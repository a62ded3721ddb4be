package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CF audit events of one space, kept in one ConfigMap in the space's Namespace: newest first,
 * at most {@value #MAX_EVENTS} events and {@value #MAX_BYTES} bytes (older ones are dropped), so it
 * stays far below the 1 MiB object limit. Writes read, merge and update with the read
 * resourceVersion, so two writers never lose each other's events; events are identified by GUID, so
 * writing one twice keeps one.
 */
final class AuditEventStore {
  static final String NAME = "gitfoundry-cf-audit-events";
  static final String COMPONENT = "cf-audit-events";
  static final String KEY = "events.json";
  static final int MAX_EVENTS = 500;
  static final int MAX_BYTES = 512 * 1024;

  /**
   * A write is refused (409) only when another write succeeded since it read, so with fewer than
   * this many concurrent writers of one space (in practice one: the leader) every write lands.
   */
  private static final int ATTEMPTS = 10;

  private final KubernetesClient client;

  AuditEventStore(KubernetesClient client) {
    this.client = client;
  }

  /** Adds events to the space whose Namespace is {@code namespace}. */
  void append(String namespace, List<ObjectNode> events) {
    for (int attempt = 1; ; attempt++) {
      ConfigMap current = client.configMaps().inNamespace(namespace).withName(NAME).get();
      String merged = merge(current == null ? null : current.getData().get(KEY), events);
      try {
        if (current == null) {
          client
              .configMaps()
              .inNamespace(namespace)
              .resource(newConfigMap(namespace, merged))
              .create();
        } else {
          current.getData().put(KEY, merged);
          client.configMaps().inNamespace(namespace).resource(current).update();
        }
        return;
      } catch (KubernetesClientException e) {
        // 409: another write came first (created, or changed the resourceVersion we read).
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The stored events plus new ones, deduplicated by GUID, newest first, within the bounds. */
  static String merge(String stored, List<ObjectNode> added) {
    List<JsonNode> events = new ArrayList<>(parse(stored));
    Set<String> guids = new HashSet<>();
    events.forEach(e -> guids.add(e.path("guid").asText()));
    for (ObjectNode event : added) {
      if (guids.add(event.path("guid").asText())) {
        events.add(event);
      }
    }
    events.sort(Comparator.comparing((JsonNode e) -> e.path("created_at").asText()).reversed());
    ArrayNode kept = CfJson.array();
    int bytes = 2;
    for (JsonNode event : events) {
      int size = write(event).getBytes(StandardCharsets.UTF_8).length + 1;
      if (kept.size() == MAX_EVENTS || bytes + size > MAX_BYTES) {
        break;
      }
      kept.add(event);
      bytes += size;
    }
    return write(kept);
  }

  /** The events of one stored ConfigMap value; a damaged value reads as none, never as an error. */
  static List<JsonNode> parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try {
      JsonNode array = CfJson.MAPPER.readTree(stored);
      List<JsonNode> events = new ArrayList<>();
      if (array != null && array.isArray()) {
        array.forEach(events::add);
      }
      return events;
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static ConfigMap newConfigMap(String namespace, String events) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(namespace)
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(WorkloadLabels.COMPONENT, COMPONENT)
        .endMetadata()
        .withData(new java.util.HashMap<>(Map.of(KEY, events)))
        .build();
  }

  private static String write(JsonNode node) {
    try {
      return CfJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
