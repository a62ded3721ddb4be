package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** Desired state of a CF space. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFSpaceSpec {
  @JsonProperty("displayName")
  @JsonPropertyDescription("CF space name as cf shows it (may be invalid as a Kubernetes name).")
  @Required
  private String displayName;

  @JsonProperty("orgName")
  @JsonPropertyDescription("Kubernetes name of the CFOrg (same namespace).")
  @Required
  private String orgName;

  @JsonProperty("cfMetadata")
  @JsonPropertyDescription("CF labels and annotations.")
  private CFMetadata cfMetadata;

  @JsonProperty("roles")
  @JsonPropertyDescription("Space roles.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<RoleAssignment> roles;

  @JsonProperty("namespace")
  @JsonPropertyDescription("Namespace this space maps to; its apps run there.")
  private String namespace;

  @JsonProperty("quota")
  @JsonPropertyDescription("The space quota from space.yml; absent means no space limits.")
  private QuotaSpec quota;

  @JsonProperty("orgQuota")
  @JsonPropertyDescription(
      "The quota of the space's org, copied so the space's Namespace limits need no other object.")
  private QuotaSpec orgQuota;

  @JsonProperty("restrictEgress")
  @JsonPropertyDescription(
      "True when the repository declares security groups: app Pods may then reach only what"
          + " securityGroups allow, DNS and their own space.")
  private Boolean restrictEgress;

  @JsonProperty("securityGroups")
  @JsonPropertyDescription("Security groups for the space's running apps: bound and global ones.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<SecurityGroupSpec> securityGroups;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getOrgName() {
    return orgName;
  }

  public void setOrgName(String orgName) {
    this.orgName = orgName;
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

  public QuotaSpec getOrgQuota() {
    return orgQuota;
  }

  public void setOrgQuota(QuotaSpec orgQuota) {
    this.orgQuota = orgQuota;
  }

  public Boolean getRestrictEgress() {
    return restrictEgress;
  }

  public void setRestrictEgress(Boolean restrictEgress) {
    this.restrictEgress = restrictEgress;
  }

  public List<SecurityGroupSpec> getSecurityGroups() {
    return securityGroups;
  }

  public void setSecurityGroups(List<SecurityGroupSpec> securityGroups) {
    this.securityGroups = securityGroups;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFSpaceSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(displayName, other.displayName)
        && Objects.equals(orgName, other.orgName)
        && Objects.equals(cfMetadata, other.cfMetadata)
        && Objects.equals(roles, other.roles)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(quota, other.quota)
        && Objects.equals(orgQuota, other.orgQuota)
        && Objects.equals(restrictEgress, other.restrictEgress)
        && Objects.equals(securityGroups, other.securityGroups);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        displayName,
        orgName,
        cfMetadata,
        roles,
        namespace,
        quota,
        orgQuota,
        restrictEgress,
        securityGroups);
  }
}
