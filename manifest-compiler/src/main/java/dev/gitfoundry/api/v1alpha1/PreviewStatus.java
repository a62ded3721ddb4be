package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One open pull-request preview. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PreviewStatus implements CommitStatusLog {
  @JsonProperty("number")
  @JsonPropertyDescription("Pull request number.")
  @Required
  private Integer number;

  @JsonProperty("headSha")
  @JsonPropertyDescription("Head commit of the pull request that is deployed.")
  private String headSha;

  @JsonProperty("namespaces")
  @JsonPropertyDescription("Namespaces created for this preview.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> namespaces;

  @JsonProperty("url")
  @JsonPropertyDescription("URL of the preview app.")
  private String url;

  @JsonProperty("state")
  @JsonPropertyDescription(
      "pending (deployed, apps starting), ready, failed, invalid (does not compile), unchanged (no"
          + " app changed), refused (fork or maxOpen) or expired (ttl).")
  private String state;

  @JsonProperty("message")
  @JsonPropertyDescription("Why the preview is in this state, in a sentence.")
  private String message;

  @JsonProperty("apps")
  @JsonPropertyDescription("Apps the pull request adds or changes, which the preview runs.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> apps;

  @JsonProperty("updatedAt")
  @JsonPropertyDescription("When the pull request's head last changed (RFC 3339), for the ttl.")
  private String updatedAt;

  @JsonProperty("deployedAt")
  @JsonPropertyDescription("When the head was deployed (RFC 3339), for the progress deadline.")
  private String deployedAt;

  @JsonProperty("commentId")
  @JsonPropertyDescription("The pull-request comment Gitfoundry keeps up to date.")
  private Long commentId;

  @JsonProperty("posted")
  @JsonPropertyDescription("Commit statuses posted on the head commit, oldest first.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<PostedCommitStatus> posted = new ArrayList<>();

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public String getHeadSha() {
    return headSha;
  }

  public void setHeadSha(String headSha) {
    this.headSha = headSha;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public List<String> getApps() {
    return apps;
  }

  public void setApps(List<String> apps) {
    this.apps = apps;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  public String getDeployedAt() {
    return deployedAt;
  }

  public void setDeployedAt(String deployedAt) {
    this.deployedAt = deployedAt;
  }

  public Long getCommentId() {
    return commentId;
  }

  public void setCommentId(Long commentId) {
    this.commentId = commentId;
  }

  @Override
  public List<PostedCommitStatus> getPosted() {
    return posted;
  }

  @Override
  public void setPosted(List<PostedCommitStatus> posted) {
    this.posted = posted;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PreviewStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(number, other.number)
        && Objects.equals(headSha, other.headSha)
        && Objects.equals(namespaces, other.namespaces)
        && Objects.equals(url, other.url)
        && Objects.equals(state, other.state)
        && Objects.equals(message, other.message)
        && Objects.equals(apps, other.apps)
        && Objects.equals(updatedAt, other.updatedAt)
        && Objects.equals(deployedAt, other.deployedAt)
        && Objects.equals(commentId, other.commentId)
        && Objects.equals(posted, other.posted);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        number,
        headSha,
        namespaces,
        url,
        state,
        message,
        apps,
        updatedAt,
        deployedAt,
        commentId,
        posted);
  }
}
