package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** One CF process type of the app (a Deployment). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProcessSpec {
  @JsonProperty("type")
  @JsonPropertyDescription("Process type, e.g. web or worker.")
  @Required
  private String type;

  @JsonProperty("command")
  @JsonPropertyDescription("Start command; the image's default when unset.")
  private String command;

  @JsonProperty("user")
  @JsonPropertyDescription("User the process runs as.")
  private String user;

  @JsonProperty("instances")
  @JsonPropertyDescription("Number of instances.")
  @Min(0)
  private Integer instances;

  @JsonProperty("memoryMB")
  @JsonPropertyDescription("Memory limit in MB.")
  @Min(0)
  private Long memoryMB;

  @JsonProperty("diskMB")
  @JsonPropertyDescription("Disk limit in MB.")
  @Min(0)
  private Long diskMB;

  @JsonProperty("logRateLimitBytesPerSecond")
  @JsonPropertyDescription("Log rate limit in bytes per second; -1 for unlimited.")
  @Min(-1)
  private Long logRateLimitBytesPerSecond;

  @JsonProperty("healthCheck")
  @JsonPropertyDescription("Liveness health check.")
  private HealthCheck healthCheck;

  @JsonProperty("readinessCheck")
  @JsonPropertyDescription("Readiness health check.")
  private HealthCheck readinessCheck;

  @JsonProperty("timeoutSeconds")
  @JsonPropertyDescription("Seconds the process may take to become healthy after start.")
  @Min(0)
  private Integer timeoutSeconds;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public Integer getInstances() {
    return instances;
  }

  public void setInstances(Integer instances) {
    this.instances = instances;
  }

  public Long getMemoryMB() {
    return memoryMB;
  }

  public void setMemoryMB(Long memoryMB) {
    this.memoryMB = memoryMB;
  }

  public Long getDiskMB() {
    return diskMB;
  }

  public void setDiskMB(Long diskMB) {
    this.diskMB = diskMB;
  }

  public Long getLogRateLimitBytesPerSecond() {
    return logRateLimitBytesPerSecond;
  }

  public void setLogRateLimitBytesPerSecond(Long logRateLimitBytesPerSecond) {
    this.logRateLimitBytesPerSecond = logRateLimitBytesPerSecond;
  }

  public HealthCheck getHealthCheck() {
    return healthCheck;
  }

  public void setHealthCheck(HealthCheck healthCheck) {
    this.healthCheck = healthCheck;
  }

  public HealthCheck getReadinessCheck() {
    return readinessCheck;
  }

  public void setReadinessCheck(HealthCheck readinessCheck) {
    this.readinessCheck = readinessCheck;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProcessSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(type, other.type)
        && Objects.equals(command, other.command)
        && Objects.equals(user, other.user)
        && Objects.equals(instances, other.instances)
        && Objects.equals(memoryMB, other.memoryMB)
        && Objects.equals(diskMB, other.diskMB)
        && Objects.equals(logRateLimitBytesPerSecond, other.logRateLimitBytesPerSecond)
        && Objects.equals(healthCheck, other.healthCheck)
        && Objects.equals(readinessCheck, other.readinessCheck)
        && Objects.equals(timeoutSeconds, other.timeoutSeconds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        type,
        command,
        user,
        instances,
        memoryMB,
        diskMB,
        logRateLimitBytesPerSecond,
        healthCheck,
        readinessCheck,
        timeoutSeconds);
  }
}
