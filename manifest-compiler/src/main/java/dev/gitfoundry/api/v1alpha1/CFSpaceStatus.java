package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a CF space. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFSpaceStatus extends ResourceStatus {
  @JsonProperty("guid")
  @JsonPropertyDescription("CF guid (stable UUIDv5).")
  private String guid;

  @JsonProperty("namespace")
  @JsonPropertyDescription("Namespace backing the space.")
  private String namespace;

  public String getGuid() {
    return guid;
  }

  public void setGuid(String guid) {
    this.guid = guid;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFSpaceStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return super.equals(o)
        && Objects.equals(guid, other.guid)
        && Objects.equals(namespace, other.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), guid, namespace);
  }
}
