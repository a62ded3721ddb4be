package dev.gitfoundry.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Says whether the baseline wrote what the operator writes: as many StatefulSets and Services, and
 * one app's StatefulSet and Service alike as the API server holds them (defaults filled in): labels
 * and the whole spec, pod template included, once what must differ is set aside (the app's guid,
 * the runtime checksum, the managed-by and baseline labels, the Service's cluster IPs). A
 * difference is printed next to the figures, since it would make the ratio compare different work.
 */
final class ShapeCheck {
  private static final int SHOWN = 10;

  private ShapeCheck() {}

  /**
   * @param baselineStatefulSet the baseline's live StatefulSet of one app
   * @param baselineService the baseline's live Service of the same app
   * @param operatorStatefulSets every StatefulSet the operator wrote
   * @param operatorServices every Service the operator wrote
   */
  static String compare(
      StatefulSet baselineStatefulSet,
      Service baselineService,
      List<StatefulSet> operatorStatefulSets,
      List<Service> operatorServices,
      int apps) {
    List<String> differences = new ArrayList<>();
    if (operatorStatefulSets.size() != apps) {
      differences.add("operator StatefulSets " + operatorStatefulSets.size() + " != " + apps);
    }
    if (operatorServices.size() != apps) {
      differences.add("operator Services " + operatorServices.size() + " != " + apps);
    }
    KubernetesSerialization serialization = new KubernetesSerialization();
    String name = baselineStatefulSet.getMetadata().getName();
    StatefulSet made =
        operatorStatefulSets.stream()
            .filter(s -> name.equals(s.getMetadata().getName()))
            .findFirst()
            .orElse(null);
    if (made == null) {
      differences.add("no operator StatefulSet " + name);
    } else {
      diff(
          differences,
          "StatefulSet",
          comparable(serialization, baselineStatefulSet),
          comparable(serialization, made));
    }
    String serviceName = baselineService.getMetadata().getName();
    Service madeService =
        operatorServices.stream()
            .filter(s -> serviceName.equals(s.getMetadata().getName()))
            .findFirst()
            .orElse(null);
    if (madeService == null) {
      differences.add("no operator Service " + serviceName);
    } else {
      diff(
          differences,
          "Service",
          comparable(serialization, baselineService),
          comparable(serialization, madeService));
    }
    return differences.isEmpty()
        ? "shape check: the baseline wrote what the operator wrote ("
            + apps
            + " StatefulSets, "
            + apps
            + " Services; "
            + name
            + " and its Service alike in labels and spec)"
        : "WARNING shape check: the baseline differs from the operator's workloads: "
            + (differences.size() > SHOWN
                ? differences.subList(0, SHOWN) + " and " + (differences.size() - SHOWN) + " more"
                : differences);
  }

  /** Labels and spec of a live object, without what may or must differ between the two writers. */
  private static JsonNode comparable(KubernetesSerialization serialization, HasMetadata object) {
    ObjectNode tree = serialization.convertValue(object, ObjectNode.class);
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    kept.set("labels", tree.path("metadata").path("labels"));
    kept.set("spec", tree.path("spec"));
    String guid = object.getMetadata().getLabels().get(Labels.APP_GUID);
    JsonNode normalized = normalize(kept, guid);
    withoutKeys(normalized.path("labels"));
    withoutKeys(normalized.path("spec").path("template").path("metadata").path("labels"));
    JsonNode podAnnotations =
        normalized.path("spec").path("template").path("metadata").path("annotations");
    if (podAnnotations instanceof ObjectNode annotations
        && annotations.has("gitfoundry.dev/runtime-checksum")) {
      annotations.put("gitfoundry.dev/runtime-checksum", "<checksum>");
    }
    if (normalized.path("spec") instanceof ObjectNode spec && spec.has("clusterIP")) {
      spec.remove(List.of("clusterIP", "clusterIPs"));
    }
    return normalized;
  }

  /** A copy with the app's guid, wherever it is written, replaced by a placeholder. */
  private static JsonNode normalize(JsonNode node, String guid) {
    if (node.isTextual() && node.asText().equals(guid)) {
      return TextNode.valueOf("<guid>");
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      object.fields().forEachRemaining(f -> copy.set(f.getKey(), normalize(f.getValue(), guid)));
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(normalize(e, guid)));
      return copy;
    }
    return node;
  }

  /** Drops the label that tells who wrote the object: the operator's or the baseline's. */
  private static void withoutKeys(JsonNode labels) {
    if (labels instanceof ObjectNode object) {
      object.remove(List.of(Labels.MANAGED_BY, LoopWorkloads.BASELINE_LABEL));
    }
  }

  /** Adds the paths at which {@code ours} and {@code theirs} differ. */
  private static void diff(List<String> differences, String path, JsonNode ours, JsonNode theirs) {
    if (ours.equals(theirs)) {
      return;
    }
    if (ours.isObject() && theirs.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      ours.fieldNames().forEachRemaining(keys::add);
      theirs.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(differences, path + "." + key, ours.path(key), theirs.path(key));
      }
      return;
    }
    if (ours.isArray() && theirs.isArray() && ours.size() == theirs.size()) {
      Iterator<JsonNode> a = ours.elements();
      Iterator<JsonNode> b = theirs.elements();
      for (int i = 0; a.hasNext(); i++) {
        diff(differences, path + "[" + i + "]", a.next(), b.next());
      }
      return;
    }
    differences.add(path + ": baseline " + shown(ours) + ", operator " + shown(theirs));
  }

  private static String shown(JsonNode node) {
    return node.isMissingNode() ? "(none)" : node.toString();
  }
}
