package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.Map;

/** The building blocks every CF V3 resource shares: links, relationships, metadata, timestamps. */
final class CfJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CfJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static ObjectNode link(String href) {
    return object().put("href", href);
  }

  /** {@code {"data":{"guid":G}}}, or {@code {"data":null}} when there is no target. */
  static ObjectNode toOne(String guid) {
    ObjectNode relationship = object();
    if (guid == null) {
      relationship.putNull("data");
    } else {
      relationship.putObject("data").put("guid", guid);
    }
    return relationship;
  }

  static ObjectNode metadata(Map<String, String> labels, Map<String, String> annotations) {
    ObjectNode metadata = object();
    ObjectNode labelNode = metadata.putObject("labels");
    if (labels != null) {
      labels.forEach(labelNode::put);
    }
    ObjectNode annotationNode = metadata.putObject("annotations");
    if (annotations != null) {
      annotations.forEach(annotationNode::put);
    }
    return metadata;
  }

  static void timestamps(ObjectNode resource, HasMetadata object) {
    String created = object.getMetadata().getCreationTimestamp();
    String updated = created;
    if (object.getMetadata().getManagedFields() != null) {
      for (ManagedFieldsEntry entry : object.getMetadata().getManagedFields()) {
        if (entry.getTime() != null
            && (updated == null || entry.getTime().compareTo(updated) > 0)) {
          updated = entry.getTime();
        }
      }
    }
    resource.put("created_at", created);
    resource.put("updated_at", updated);
  }

  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String step : path) {
      if (current == null) {
        return null;
      }
      current = current.get(step);
    }
    return current == null || current.isNull() ? null : current.asText();
  }
}
