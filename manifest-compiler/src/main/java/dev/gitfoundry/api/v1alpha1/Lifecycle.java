package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** How the app's image is obtained. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Lifecycle {
  @JsonProperty("type")
  @JsonPropertyDescription("docker (a ready image), buildpack or cnb (built from the repository).")
  @Required
  private LifecycleType type;

  @JsonProperty("image")
  @JsonPropertyDescription("Container image (docker lifecycle).")
  private String image;

  @JsonProperty("username")
  @JsonPropertyDescription("Registry user name for the image; the password is never stored here.")
  private String username;

  @JsonProperty("buildpacks")
  @JsonPropertyDescription("Buildpacks to build with, in order.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> buildpacks;

  @JsonProperty("stack")
  @JsonPropertyDescription("Stack to build on.")
  private String stack;

  @JsonProperty("path")
  @JsonPropertyDescription("Repository-relative path of the app bits.")
  private String path;

  public LifecycleType getType() {
    return type;
  }

  public void setType(LifecycleType type) {
    this.type = type;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public List<String> getBuildpacks() {
    return buildpacks;
  }

  public void setBuildpacks(List<String> buildpacks) {
    this.buildpacks = buildpacks;
  }

  public String getStack() {
    return stack;
  }

  public void setStack(String stack) {
    this.stack = stack;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Lifecycle other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(type, other.type)
        && Objects.equals(image, other.image)
        && Objects.equals(username, other.username)
        && Objects.equals(buildpacks, other.buildpacks)
        && Objects.equals(stack, other.stack)
        && Objects.equals(path, other.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, image, username, buildpacks, stack, path);
  }
}
