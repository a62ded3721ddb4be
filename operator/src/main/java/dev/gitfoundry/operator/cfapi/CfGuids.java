package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * CF GUIDs of the objects the API serves. Orgs, spaces and apps carry theirs in a label set by the
 * compiler; processes, routes and domains have none, so theirs are derived from stable names and
 * never change between restarts or replicas.
 */
final class CfGuids {
  private CfGuids() {}

  static String of(HasMetadata resource) {
    String label =
        resource.getMetadata().getLabels() == null
            ? null
            : resource.getMetadata().getLabels().get(Labels.GUID);
    return label != null ? label : resource.getMetadata().getUid();
  }

  static String process(String appGuid, String type) {
    return derived("process/" + appGuid + "/" + type);
  }

  static String route(String namespace, String name) {
    return derived("route/" + namespace + "/" + name);
  }

  static String domain(String name) {
    return derived("domain/" + name);
  }

  private static String derived(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
