package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One revision a GitSource fetched: the commit, what it changed, and every commit status posted for
 * it, in order. The status page and the CF API read these; newest last in {@code status.history}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RevisionRecord implements CommitStatusLog {
  @JsonProperty("revision")
  @JsonPropertyDescription("branch@sha1:<sha>.")
  private String revision;

  @JsonProperty("sha")
  private String sha;

  @JsonProperty("subject")
  @JsonPropertyDescription("First line of the commit message.")
  private String subject;

  @JsonProperty("author")
  @JsonPropertyDescription("Commit author's name.")
  private String author;

  @JsonProperty("authorEmail")
  private String authorEmail;

  @JsonProperty("committedAt")
  @JsonPropertyDescription("Commit time (RFC 3339).")
  private String committedAt;

  @JsonProperty("fetchedAt")
  @JsonPropertyDescription("When Gitfoundry first saw this revision (RFC 3339).")
  private String fetchedAt;

  @JsonProperty("appliedAt")
  @JsonPropertyDescription("When it was applied (RFC 3339); absent if it never was.")
  private String appliedAt;

  @JsonProperty("posted")
  @JsonPropertyDescription("Commit statuses posted for this commit, oldest first.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<PostedCommitStatus> posted = new ArrayList<>();

  @JsonProperty("changes")
  @JsonPropertyDescription("Apps this revision added, changed or removed (the first ones).")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<AppChange> changes;

  @JsonProperty("appsAdded")
  private Integer appsAdded;

  @JsonProperty("appsChanged")
  private Integer appsChanged;

  @JsonProperty("appsRemoved")
  private Integer appsRemoved;

  @JsonProperty("errors")
  @JsonPropertyDescription("First compile or apply errors of this revision.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<SourceDiagnostic> errors;

  @JsonProperty("errorCount")
  private Integer errorCount;

  @JsonProperty("supersededBy")
  @JsonPropertyDescription("SHA of the revision applied before this one was healthy.")
  private String supersededBy;

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public String getSha() {
    return sha;
  }

  public void setSha(String sha) {
    this.sha = sha;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public String getAuthorEmail() {
    return authorEmail;
  }

  public void setAuthorEmail(String authorEmail) {
    this.authorEmail = authorEmail;
  }

  public String getCommittedAt() {
    return committedAt;
  }

  public void setCommittedAt(String committedAt) {
    this.committedAt = committedAt;
  }

  public String getFetchedAt() {
    return fetchedAt;
  }

  public void setFetchedAt(String fetchedAt) {
    this.fetchedAt = fetchedAt;
  }

  public String getAppliedAt() {
    return appliedAt;
  }

  public void setAppliedAt(String appliedAt) {
    this.appliedAt = appliedAt;
  }

  @Override
  public List<PostedCommitStatus> getPosted() {
    return posted;
  }

  @Override
  public void setPosted(List<PostedCommitStatus> posted) {
    this.posted = posted;
  }

  public List<AppChange> getChanges() {
    return changes;
  }

  public void setChanges(List<AppChange> changes) {
    this.changes = changes;
  }

  public Integer getAppsAdded() {
    return appsAdded;
  }

  public void setAppsAdded(Integer appsAdded) {
    this.appsAdded = appsAdded;
  }

  public Integer getAppsChanged() {
    return appsChanged;
  }

  public void setAppsChanged(Integer appsChanged) {
    this.appsChanged = appsChanged;
  }

  public Integer getAppsRemoved() {
    return appsRemoved;
  }

  public void setAppsRemoved(Integer appsRemoved) {
    this.appsRemoved = appsRemoved;
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

  public String getSupersededBy() {
    return supersededBy;
  }

  public void setSupersededBy(String supersededBy) {
    this.supersededBy = supersededBy;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RevisionRecord other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(revision, other.revision)
        && Objects.equals(sha, other.sha)
        && Objects.equals(subject, other.subject)
        && Objects.equals(author, other.author)
        && Objects.equals(authorEmail, other.authorEmail)
        && Objects.equals(committedAt, other.committedAt)
        && Objects.equals(fetchedAt, other.fetchedAt)
        && Objects.equals(appliedAt, other.appliedAt)
        && Objects.equals(posted, other.posted)
        && Objects.equals(changes, other.changes)
        && Objects.equals(appsAdded, other.appsAdded)
        && Objects.equals(appsChanged, other.appsChanged)
        && Objects.equals(appsRemoved, other.appsRemoved)
        && Objects.equals(errors, other.errors)
        && Objects.equals(errorCount, other.errorCount)
        && Objects.equals(supersededBy, other.supersededBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        revision,
        sha,
        subject,
        author,
        authorEmail,
        committedAt,
        fetchedAt,
        appliedAt,
        posted,
        changes,
        appsAdded,
        appsChanged,
        appsRemoved,
        errors,
        errorCount,
        supersededBy);
  }
}
