package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** One rule of a CF application security group, in Cloud Controller's own fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecurityGroupRule {
  @JsonProperty("protocol")
  @JsonPropertyDescription("tcp, udp, icmp or all.")
  @Required
  private String protocol;

  @JsonProperty("destination")
  @JsonPropertyDescription("An IPv4 address, a CIDR or a range a.b.c.d-e.f.g.h.")
  @Required
  private String destination;

  @JsonProperty("ports")
  @JsonPropertyDescription("tcp/udp ports: 443, 80,443 or 8000-9000.")
  private String ports;

  @JsonProperty("type")
  @JsonPropertyDescription("ICMP type (-1 for all).")
  private Integer type;

  @JsonProperty("code")
  @JsonPropertyDescription("ICMP code (-1 for all).")
  private Integer code;

  @JsonProperty("description")
  @JsonPropertyDescription("Free text shown by cf.")
  private String description;

  @JsonProperty("log")
  @JsonPropertyDescription("Shown by cf; NetworkPolicies do not log.")
  private Boolean log;

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }

  public String getPorts() {
    return ports;
  }

  public void setPorts(String ports) {
    this.ports = ports;
  }

  public Integer getType() {
    return type;
  }

  public void setType(Integer type) {
    this.type = type;
  }

  public Integer getCode() {
    return code;
  }

  public void setCode(Integer code) {
    this.code = code;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Boolean getLog() {
    return log;
  }

  public void setLog(Boolean log) {
    this.log = log;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SecurityGroupRule other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(protocol, other.protocol)
        && Objects.equals(destination, other.destination)
        && Objects.equals(ports, other.ports)
        && Objects.equals(type, other.type)
        && Objects.equals(code, other.code)
        && Objects.equals(description, other.description)
        && Objects.equals(log, other.log);
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocol, destination, ports, type, code, description, log);
  }
}
