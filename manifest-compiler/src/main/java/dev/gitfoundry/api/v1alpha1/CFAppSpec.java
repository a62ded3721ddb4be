package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Desired state of a CF app. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFAppSpec {
  @JsonProperty("displayName")
  @JsonPropertyDescription("CF app name as cf shows it (may be invalid as a Kubernetes name).")
  @Required
  private String displayName;

  @JsonProperty("orgName")
  @JsonPropertyDescription("Kubernetes name of the CFOrg (same namespace).")
  @Required
  private String orgName;

  @JsonProperty("spaceName")
  @JsonPropertyDescription("Kubernetes name of the CFSpace (same namespace).")
  @Required
  private String spaceName;

  @JsonProperty("lifecycle")
  @JsonPropertyDescription("How the image is obtained: docker image, or buildpacks + stack + path.")
  private Lifecycle lifecycle;

  @JsonProperty("envSecretName")
  @JsonPropertyDescription(
      "Secret in the same namespace holding the manifest env (env is never stored in the resource).")
  private String envSecretName;

  @JsonProperty("processes")
  @JsonPropertyDescription("Process types.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<ProcessSpec> processes;

  @JsonProperty("services")
  @JsonPropertyDescription("Bound services.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<ServiceBinding> services;

  @JsonProperty("sidecars")
  @JsonPropertyDescription("Sidecars.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<Sidecar> sidecars;

  @JsonProperty("features")
  @JsonPropertyDescription("CF app features (e.g. ssh) and whether each is enabled.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, Boolean> features;

  @JsonProperty("desiredState")
  @JsonPropertyDescription("STARTED or STOPPED.")
  @Default("STARTED")
  private DesiredState desiredState;

  @JsonProperty("cfMetadata")
  @JsonPropertyDescription("CF labels and annotations.")
  private CFMetadata cfMetadata;

  @JsonProperty("source")
  @JsonPropertyDescription("Where the app is declared in the repository.")
  private SourceLocation source;

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

  public String getSpaceName() {
    return spaceName;
  }

  public void setSpaceName(String spaceName) {
    this.spaceName = spaceName;
  }

  public Lifecycle getLifecycle() {
    return lifecycle;
  }

  public void setLifecycle(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  public String getEnvSecretName() {
    return envSecretName;
  }

  public void setEnvSecretName(String envSecretName) {
    this.envSecretName = envSecretName;
  }

  public List<ProcessSpec> getProcesses() {
    return processes;
  }

  public void setProcesses(List<ProcessSpec> processes) {
    this.processes = processes;
  }

  public List<ServiceBinding> getServices() {
    return services;
  }

  public void setServices(List<ServiceBinding> services) {
    this.services = services;
  }

  public List<Sidecar> getSidecars() {
    return sidecars;
  }

  public void setSidecars(List<Sidecar> sidecars) {
    this.sidecars = sidecars;
  }

  public Map<String, Boolean> getFeatures() {
    return features;
  }

  public void setFeatures(Map<String, Boolean> features) {
    this.features = features;
  }

  public DesiredState getDesiredState() {
    return desiredState;
  }

  public void setDesiredState(DesiredState desiredState) {
    this.desiredState = desiredState;
  }

  public CFMetadata getCfMetadata() {
    return cfMetadata;
  }

  public void setCfMetadata(CFMetadata cfMetadata) {
    this.cfMetadata = cfMetadata;
  }

  public SourceLocation getSource() {
    return source;
  }

  public void setSource(SourceLocation source) {
    this.source = source;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFAppSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(displayName, other.displayName)
        && Objects.equals(orgName, other.orgName)
        && Objects.equals(spaceName, other.spaceName)
        && Objects.equals(lifecycle, other.lifecycle)
        && Objects.equals(envSecretName, other.envSecretName)
        && Objects.equals(processes, other.processes)
        && Objects.equals(services, other.services)
        && Objects.equals(sidecars, other.sidecars)
        && Objects.equals(features, other.features)
        && Objects.equals(desiredState, other.desiredState)
        && Objects.equals(cfMetadata, other.cfMetadata)
        && Objects.equals(source, other.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        displayName,
        orgName,
        spaceName,
        lifecycle,
        envSecretName,
        processes,
        services,
        sidecars,
        features,
        desiredState,
        cfMetadata,
        source);
  }
}
