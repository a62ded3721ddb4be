package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** One object applied by a GitSource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InventoryEntry {
  @JsonProperty("apiVersion")
  @JsonPropertyDescription("API version of the object.")
  @Required
  private String apiVersion;

  @JsonProperty("kind")
  @JsonPropertyDescription("Kind of the object.")
  @Required
  private String kind;

  @JsonProperty("namespace")
  @JsonPropertyDescription("Namespace of the object; unset for cluster-scoped objects.")
  private String namespace;

  @JsonProperty("name")
  @JsonPropertyDescription("Name of the object.")
  @Required
  private String name;

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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
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
        && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, namespace, name);
  }
}
