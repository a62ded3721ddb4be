package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a CF app's image is obtained. */
public enum LifecycleType {
  /** A ready-made container image. */
  @JsonProperty("docker")
  DOCKER,
  /** Built from the repository with CF buildpacks. */
  @JsonProperty("buildpack")
  BUILDPACK,
  /** Built from the repository with Cloud Native Buildpacks. */
  @JsonProperty("cnb")
  CNB
}
