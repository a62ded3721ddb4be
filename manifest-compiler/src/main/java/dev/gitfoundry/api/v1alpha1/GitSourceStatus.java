package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Observed state of a GitSource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitSourceStatus extends ResourceStatus {
  @JsonProperty("lastFetchedRevision")
  @JsonPropertyDescription("Last revision fetched, as branch@sha1:<sha>.")
  private String lastFetchedRevision;

  @JsonProperty("lastAppliedRevision")
  @JsonPropertyDescription("Last revision compiled and applied successfully, as branch@sha1:<sha>.")
  private String lastAppliedRevision;

  @JsonProperty("lastAttemptedRevision")
  @JsonPropertyDescription(
      "Last revision compiling or applying was attempted for, as branch@sha1:<sha>.")
  private String lastAttemptedRevision;

  @JsonProperty("inventory")
  @JsonPropertyDescription(
      "Objects applied from lastAppliedRevision; pruning deletes what leaves this list.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<InventoryEntry> inventory;

  @JsonProperty("errors")
  @JsonPropertyDescription(
      "First compile errors of lastAttemptedRevision (truncated; see errorCount).")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<SourceDiagnostic> errors;

  @JsonProperty("errorCount")
  @JsonPropertyDescription("Total number of compile errors of lastAttemptedRevision.")
  private Integer errorCount;

  @JsonProperty("history")
  @JsonPropertyDescription(
      "The latest revisions fetched, oldest first: commit, changes, errors and the commit statuses"
          + " posted for each.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<RevisionRecord> history;

  @JsonProperty("previews")
  @JsonPropertyDescription("Open pull-request previews.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<PreviewStatus> previews;

  public String getLastFetchedRevision() {
    return lastFetchedRevision;
  }

  public void setLastFetchedRevision(String lastFetchedRevision) {
    this.lastFetchedRevision = lastFetchedRevision;
  }

  public String getLastAppliedRevision() {
    return lastAppliedRevision;
  }

  public void setLastAppliedRevision(String lastAppliedRevision) {
    this.lastAppliedRevision = lastAppliedRevision;
  }

  public String getLastAttemptedRevision() {
    return lastAttemptedRevision;
  }

  public void setLastAttemptedRevision(String lastAttemptedRevision) {
    this.lastAttemptedRevision = lastAttemptedRevision;
  }

  public List<InventoryEntry> getInventory() {
    return inventory;
  }

  public void setInventory(List<InventoryEntry> inventory) {
    this.inventory = inventory;
  }

  public List<SourceDiagnostic> getErrors() {
    return errors;
  }

  public void setErrors(List<SourceDiagnostic> errors) {
    this.errors = errors;
  }

  public Integer getErrorCount() {
    return errorCount;
  }

  public void setErrorCount(Integer errorCount) {
    this.errorCount = errorCount;
  }

  public List<RevisionRecord> getHistory() {
    return history;
  }

  public void setHistory(List<RevisionRecord> history) {
    this.history = history;
  }

  public List<PreviewStatus> getPreviews() {
    return previews;
  }

  public void setPreviews(List<PreviewStatus> previews) {
    this.previews = previews;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitSourceStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return super.equals(o)
        && Objects.equals(lastFetchedRevision, other.lastFetchedRevision)
        && Objects.equals(lastAppliedRevision, other.lastAppliedRevision)
        && Objects.equals(lastAttemptedRevision, other.lastAttemptedRevision)
        && Objects.equals(inventory, other.inventory)
        && Objects.equals(errors, other.errors)
        && Objects.equals(errorCount, other.errorCount)
        && Objects.equals(history, other.history)
        && Objects.equals(previews, other.previews);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        super.hashCode(),
        lastFetchedRevision,
        lastAppliedRevision,
        lastAttemptedRevision,
        inventory,
        errors,
        errorCount,
        history,
        previews);
  }
}
