package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The objects of one kind in one namespace that a GitSource applied, by name. Grouped so that the
 * inventory of thousands of apps stays far below the API server's object size limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InventoryEntry {
  @JsonProperty("apiVersion")
  @JsonPropertyDescription("API version of the objects.")
  @Required
  private String apiVersion;

  @JsonProperty("kind")
  @JsonPropertyDescription("Kind of the objects.")
  @Required
  private String kind;

  @JsonProperty("namespace")
  @JsonPropertyDescription("Namespace of the objects; unset for cluster-scoped objects.")
  private String namespace;

  @JsonProperty("names")
  @JsonPropertyDescription("Names of the objects, sorted.")
  @Required
  private List<String> names = new ArrayList<>();

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public List<String> getNames() {
    return names;
  }

  public void setNames(List<String> names) {
    this.names = names;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof InventoryEntry other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(names, other.names);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, namespace, names);
  }
}
