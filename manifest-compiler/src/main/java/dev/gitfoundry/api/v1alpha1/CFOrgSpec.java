package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** Desired state of a CF org. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFOrgSpec {
  @JsonProperty("displayName")
  @JsonPropertyDescription("CF org name as cf shows it (may be invalid as a Kubernetes name).")
  @Required
  private String displayName;

  @JsonProperty("cfMetadata")
  @JsonPropertyDescription("CF labels and annotations.")
  private CFMetadata cfMetadata;

  @JsonProperty("roles")
  @JsonPropertyDescription("Org roles.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<RoleAssignment> roles;

  @JsonProperty("namespace")
  @JsonPropertyDescription("Namespace this org maps to.")
  private String namespace;

  @JsonProperty("quota")
  @JsonPropertyDescription("The org quota from org.yml; absent means no limits.")
  private QuotaSpec quota;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public CFMetadata getCfMetadata() {
    return cfMetadata;
  }

  public void setCfMetadata(CFMetadata cfMetadata) {
    this.cfMetadata = cfMetadata;
  }

  public List<RoleAssignment> getRoles() {
    return roles;
  }

  public void setRoles(List<RoleAssignment> roles) {
    this.roles = roles;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public QuotaSpec getQuota() {
    return quota;
  }

  public void setQuota(QuotaSpec quota) {
    this.quota = quota;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFOrgSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(displayName, other.displayName)
        && Objects.equals(cfMetadata, other.cfMetadata)
        && Objects.equals(roles, other.roles)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(quota, other.quota);
  }

  @Override
  public int hashCode() {
    return Objects.hash(displayName, cfMetadata, roles, namespace, quota);
  }
}
