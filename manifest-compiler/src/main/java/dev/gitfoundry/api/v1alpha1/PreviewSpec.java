package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import java.util.Objects;

/** Pull-request preview deployments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PreviewSpec {
  @JsonProperty("enabled")
  @JsonPropertyDescription("Deploy previews of open pull requests that target the branch.")
  @Default("false")
  private Boolean enabled;

  @JsonProperty("maxOpen")
  @JsonPropertyDescription("Maximum number of pull requests previewed at once; newer ones wait.")
  @Min(0)
  private Integer maxOpen;

  @JsonProperty("allowForks")
  @JsonPropertyDescription(
      "Also preview pull requests from forks (their manifests can run any image).")
  @Default("false")
  private Boolean allowForks;

  @JsonProperty("ttl")
  @JsonPropertyDescription(
      "Delete a preview this long after its last update (Go duration, e.g. 72h); unset means no limit.")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$")
  private String ttl;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getMaxOpen() {
    return maxOpen;
  }

  public void setMaxOpen(Integer maxOpen) {
    this.maxOpen = maxOpen;
  }

  public Boolean getAllowForks() {
    return allowForks;
  }

  public void setAllowForks(Boolean allowForks) {
    this.allowForks = allowForks;
  }

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PreviewSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(enabled, other.enabled)
        && Objects.equals(maxOpen, other.maxOpen)
        && Objects.equals(allowForks, other.allowForks)
        && Objects.equals(ttl, other.ttl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, maxOpen, allowForks, ttl);
  }
}
