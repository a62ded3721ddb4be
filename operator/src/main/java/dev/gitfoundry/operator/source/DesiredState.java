package dev.gitfoundry.operator.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Decides whether a live object already has everything a desired object asks for, so that unchanged
 * objects cost no write: every field of the desired object must be present and equal in the live
 * one (lists exactly), labels and annotations included; fields others set are ignored.
 */
final class DesiredState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DesiredState() {}

  static JsonNode toJson(Object object) {
    return JSON.valueToTree(object);
  }

  static boolean satisfiedBy(JsonNode desired, JsonNode live) {
    ObjectNode comparable = ((ObjectNode) desired).deepCopy();
    comparable.remove("status");
    ObjectNode metadata = (ObjectNode) comparable.get("metadata");
    if (metadata != null) {
      metadata.retain("name", "namespace", "labels", "annotations");
    }
    return contains(comparable, live);
  }

  private static boolean contains(JsonNode desired, JsonNode live) {
    if (live == null || live.isNull()) {
      return desired.isNull() || (desired.isContainerNode() && desired.isEmpty());
    }
    if (desired.isObject()) {
      if (!live.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!contains(field.getValue(), live.get(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isArray()) {
      if (!live.isArray() || live.size() != desired.size()) {
        return false;
      }
      for (int i = 0; i < desired.size(); i++) {
        if (!contains(desired.get(i), live.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isNumber() && live.isNumber()) {
      return desired.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    return desired.equals(live);
  }
}
