package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of Git forge a GitSource talks to. */
public enum ForgeType {
  @JsonProperty("gitea")
  GITEA,
  @JsonProperty("github")
  GITHUB,
  @JsonProperty("none")
  NONE
}
