package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

/** A CF health or readiness check. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealthCheck {
  @JsonProperty("type")
  @JsonPropertyDescription("port, process or http.")
  private String type;

  @JsonProperty("endpoint")
  @JsonPropertyDescription("HTTP path for http checks.")
  private String endpoint;

  @JsonProperty("invocationTimeoutSeconds")
  @JsonPropertyDescription("Timeout of one check, in seconds.")
  @Min(0)
  private Integer invocationTimeoutSeconds;

  @JsonProperty("intervalSeconds")
  @JsonPropertyDescription("Time between checks, in seconds.")
  @Min(0)
  private Integer intervalSeconds;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Integer getInvocationTimeoutSeconds() {
    return invocationTimeoutSeconds;
  }

  public void setInvocationTimeoutSeconds(Integer invocationTimeoutSeconds) {
    this.invocationTimeoutSeconds = invocationTimeoutSeconds;
  }

  public Integer getIntervalSeconds() {
    return intervalSeconds;
  }

  public void setIntervalSeconds(Integer intervalSeconds) {
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HealthCheck other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(type, other.type)
        && Objects.equals(endpoint, other.endpoint)
        && Objects.equals(invocationTimeoutSeconds, other.invocationTimeoutSeconds)
        && Objects.equals(intervalSeconds, other.intervalSeconds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, endpoint, invocationTimeoutSeconds, intervalSeconds);
  }
}
