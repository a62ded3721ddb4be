package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** A CF sidecar process running next to some process types. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Sidecar {
  @JsonProperty("name")
  @JsonPropertyDescription("Sidecar name.")
  @Required
  private String name;

  @JsonProperty("command")
  @JsonPropertyDescription("Start command.")
  @Required
  private String command;

  @JsonProperty("processTypes")
  @JsonPropertyDescription("Process types the sidecar runs with.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> processTypes;

  @JsonProperty("memoryMB")
  @JsonPropertyDescription("Memory limit in MB.")
  @Min(0)
  private Long memoryMB;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public List<String> getProcessTypes() {
    return processTypes;
  }

  public void setProcessTypes(List<String> processTypes) {
    this.processTypes = processTypes;
  }

  public Long getMemoryMB() {
    return memoryMB;
  }

  public void setMemoryMB(Long memoryMB) {
    this.memoryMB = memoryMB;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Sidecar other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(name, other.name)
        && Objects.equals(command, other.command)
        && Objects.equals(processTypes, other.processTypes)
        && Objects.equals(memoryMB, other.memoryMB);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, command, processTypes, memoryMB);
  }
}
