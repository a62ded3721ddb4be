package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A commit status Gitfoundry posted to the forge (remembered to post idempotently). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PostedCommitStatus {
  @JsonProperty("sha")
  @JsonPropertyDescription("Commit SHA the status was posted on.")
  @Required
  private String sha;

  @JsonProperty("context")
  @JsonPropertyDescription("Status context, e.g. gitfoundry or gitfoundry/preview.")
  @Required
  private String context;

  @JsonProperty("state")
  @JsonPropertyDescription("pending, success, failure or error.")
  @Required
  private String state;

  @JsonProperty("description")
  @JsonPropertyDescription("Description posted with the status.")
  private String description;

  @JsonProperty("targetUrl")
  @JsonPropertyDescription("Link posted with the status.")
  private String targetUrl;

  @JsonProperty("postedAt")
  @JsonPropertyDescription("When it was posted (RFC 3339).")
  private String postedAt;

  public String getSha() {
    return sha;
  }

  public void setSha(String sha) {
    this.sha = sha;
  }

  public String getContext() {
    return context;
  }

  public void setContext(String context) {
    this.context = context;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getTargetUrl() {
    return targetUrl;
  }

  public void setTargetUrl(String targetUrl) {
    this.targetUrl = targetUrl;
  }

  public String getPostedAt() {
    return postedAt;
  }

  public void setPostedAt(String postedAt) {
    this.postedAt = postedAt;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PostedCommitStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(sha, other.sha)
        && Objects.equals(context, other.context)
        && Objects.equals(state, other.state)
        && Objects.equals(description, other.description)
        && Objects.equals(targetUrl, other.targetUrl)
        && Objects.equals(postedAt, other.postedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sha, context, state, description, targetUrl, postedAt);
  }
}
