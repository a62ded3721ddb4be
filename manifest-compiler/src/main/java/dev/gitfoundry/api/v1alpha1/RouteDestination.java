package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Where a route sends traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RouteDestination {
  @JsonProperty("appName")
  @JsonPropertyDescription("Kubernetes name of the CFApp (same namespace).")
  @Required
  private String appName;

  @JsonProperty("processType")
  @JsonPropertyDescription("Process type receiving the traffic.")
  @Default("web")
  private String processType;

  @JsonProperty("port")
  @JsonPropertyDescription("Container port.")
  @Default("8080")
  @Min(1)
  private Integer port;

  @JsonProperty("weight")
  @JsonPropertyDescription("Relative weight when several destinations share the route.")
  @Min(0)
  private Integer weight;

  @JsonProperty("protocol")
  @JsonPropertyDescription("http1 or http2.")
  private String protocol;

  public String getAppName() {
    return appName;
  }

  public void setAppName(String appName) {
    this.appName = appName;
  }

  public String getProcessType() {
    return processType;
  }

  public void setProcessType(String processType) {
    this.processType = processType;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RouteDestination other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(appName, other.appName)
        && Objects.equals(processType, other.processType)
        && Objects.equals(port, other.port)
        && Objects.equals(weight, other.weight)
        && Objects.equals(protocol, other.protocol);
  }

  @Override
  public int hashCode() {
    return Objects.hash(appName, processType, port, weight, protocol);
  }
}
