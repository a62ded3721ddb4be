package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Observed state of a CF app. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFAppStatus extends ResourceStatus {
  @JsonProperty("guid")
  @JsonPropertyDescription("CF guid (stable UUIDv5).")
  private String guid;

  @JsonProperty("processes")
  @JsonPropertyDescription("Ready and desired instances per process type.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<ProcessStatus> processes;

  @JsonProperty("urls")
  @JsonPropertyDescription("URLs of the routes to the app.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> urls;

  @JsonProperty("revision")
  @JsonPropertyDescription("Revision the running app was applied from, as branch@sha1:<sha>.")
  private String revision;

  public String getGuid() {
    return guid;
  }

  public void setGuid(String guid) {
    this.guid = guid;
  }

  public List<ProcessStatus> getProcesses() {
    return processes;
  }

  public void setProcesses(List<ProcessStatus> processes) {
    this.processes = processes;
  }

  public List<String> getUrls() {
    return urls;
  }

  public void setUrls(List<String> urls) {
    this.urls = urls;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFAppStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return super.equals(o)
        && Objects.equals(guid, other.guid)
        && Objects.equals(processes, other.processes)
        && Objects.equals(urls, other.urls)
        && Objects.equals(revision, other.revision);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), guid, processes, urls, revision);
  }
}
