package dev.gitfoundry.e2e.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The documents {@code helm template} printed, to assert on. */
public final class Rendered {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final List<ObjectNode> documents;

  private Rendered(List<ObjectNode> documents) {
    this.documents = documents;
  }

  public static Rendered parse(String yaml) {
    List<ObjectNode> documents = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(yaml)) {
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode node = it.next();
        if (node instanceof ObjectNode object && object.hasNonNull("kind")) {
          documents.add(object);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("helm printed invalid YAML:\n" + yaml, e);
    }
    return new Rendered(documents);
  }

  List<ObjectNode> documents() {
    return documents;
  }

  /** {@code Kind/name} of every document, in helm's order. */
  List<String> ids() {
    return documents.stream().map(Rendered::id).toList();
  }

  static String id(JsonNode document) {
    return document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
  }

  List<ObjectNode> ofKind(String kind) {
    return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  ObjectNode one(String kind, String name) {
    List<ObjectNode> matches =
        documents.stream()
            .filter(d -> kind.equals(d.path("kind").asText()))
            .filter(d -> name.equals(d.path("metadata").path("name").asText()))
            .toList();
    if (matches.size() != 1) {
      throw new AssertionError(
          "expected one " + kind + "/" + name + " but found " + matches.size() + " in " + ids());
    }
    return matches.get(0);
  }

  /** A document as a fabric8 model object, e.g. {@code one(Deployment.class, "gitfoundry")}. */
  public <T extends HasMetadata> T one(Class<T> type, String name) {
    return SERIALIZATION.convertValue(one(HasMetadata.getKind(type), name), type);
  }

  boolean has(String kind) {
    return !ofKind(kind).isEmpty();
  }

  String kinds() {
    return documents.stream().map(d -> d.path("kind").asText()).collect(Collectors.joining(","));
  }
}
