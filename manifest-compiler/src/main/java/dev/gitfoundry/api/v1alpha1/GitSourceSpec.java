package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Desired state of a GitSource: which repository to watch and how. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitSourceSpec {
  @JsonProperty("url")
  @JsonPropertyDescription("Repository URL: https://..., ssh://... or user@host:path.")
  @Required
  private String url;

  @JsonProperty("branch")
  @JsonPropertyDescription("Branch to watch.")
  @Default("main")
  private String branch;

  @JsonProperty("path")
  @JsonPropertyDescription(
      "Directory of the repository holding foundation.yml and the org directories.")
  @Default("/")
  private String path;

  @JsonProperty("interval")
  @JsonPropertyDescription(
      "Poll interval (Go duration, e.g. 1m, 30s); webhooks trigger earlier fetches.")
  @Default("1m")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$")
  private String interval;

  @JsonProperty("secretRef")
  @JsonPropertyDescription(
      "Secret with Git credentials: token, or username and password; for SSH identity and known_hosts.")
  private SecretRef secretRef;

  @JsonProperty("forge")
  @JsonPropertyDescription(
      "Forge API access for commit statuses, pull-request previews and webhooks.")
  private ForgeSpec forge;

  @JsonProperty("previews")
  @JsonPropertyDescription("Pull-request preview deployments.")
  private PreviewSpec previews;

  @JsonProperty("suspend")
  @JsonPropertyDescription("Stop fetching and applying; what was applied keeps running.")
  @Default("false")
  private Boolean suspend;

  @JsonProperty("prune")
  @JsonPropertyDescription("Delete objects this source applied earlier and no longer compiles.")
  @Default("true")
  private Boolean prune;

  @JsonProperty("defaultDomain")
  @JsonPropertyDescription(
      "Route domain used when foundation.yml declares none; overrides the operator default.")
  private String defaultDomain;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public SecretRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(SecretRef secretRef) {
    this.secretRef = secretRef;
  }

  public ForgeSpec getForge() {
    return forge;
  }

  public void setForge(ForgeSpec forge) {
    this.forge = forge;
  }

  public PreviewSpec getPreviews() {
    return previews;
  }

  public void setPreviews(PreviewSpec previews) {
    this.previews = previews;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public Boolean getPrune() {
    return prune;
  }

  public void setPrune(Boolean prune) {
    this.prune = prune;
  }

  public String getDefaultDomain() {
    return defaultDomain;
  }

  public void setDefaultDomain(String defaultDomain) {
    this.defaultDomain = defaultDomain;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitSourceSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(url, other.url)
        && Objects.equals(branch, other.branch)
        && Objects.equals(path, other.path)
        && Objects.equals(interval, other.interval)
        && Objects.equals(secretRef, other.secretRef)
        && Objects.equals(forge, other.forge)
        && Objects.equals(previews, other.previews)
        && Objects.equals(suspend, other.suspend)
        && Objects.equals(prune, other.prune)
        && Objects.equals(defaultDomain, other.defaultDomain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        url, branch, path, interval, secretRef, forge, previews, suspend, prune, defaultDomain);
  }
}
