package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Observed instances of one process type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProcessStatus {
  @JsonProperty("type")
  @JsonPropertyDescription("Process type.")
  @Required
  private String type;

  @JsonProperty("desiredInstances")
  @JsonPropertyDescription("Instances requested.")
  private Integer desiredInstances;

  @JsonProperty("readyInstances")
  @JsonPropertyDescription("Instances ready.")
  private Integer readyInstances;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Integer getDesiredInstances() {
    return desiredInstances;
  }

  public void setDesiredInstances(Integer desiredInstances) {
    this.desiredInstances = desiredInstances;
  }

  public Integer getReadyInstances() {
    return readyInstances;
  }

  public void setReadyInstances(Integer readyInstances) {
    this.readyInstances = readyInstances;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProcessStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(type, other.type)
        && Objects.equals(desiredInstances, other.desiredInstances)
        && Objects.equals(readyInstances, other.readyInstances);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, desiredInstances, readyInstances);
  }
}
