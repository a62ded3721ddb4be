package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** Desired state of a CF route. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFRouteSpec {
  @JsonProperty("host")
  @JsonPropertyDescription("Host name; empty for a hostless route, * for a wildcard.")
  private String host;

  @JsonProperty("domain")
  @JsonPropertyDescription("Domain of the route.")
  @Required
  private String domain;

  @JsonProperty("path")
  @JsonPropertyDescription("Path prefix, starting with /.")
  private String path;

  @JsonProperty("port")
  @JsonPropertyDescription("Port of a TCP route.")
  @Min(1)
  private Integer port;

  @JsonProperty("protocol")
  @JsonPropertyDescription("http1, http2 or tcp.")
  private String protocol;

  @JsonProperty("options")
  @JsonPropertyDescription("Route options (load balancing).")
  private RouteOptions options;

  @JsonProperty("destinations")
  @JsonPropertyDescription("Apps receiving the traffic.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<RouteDestination> destinations;

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  public RouteOptions getOptions() {
    return options;
  }

  public void setOptions(RouteOptions options) {
    this.options = options;
  }

  public List<RouteDestination> getDestinations() {
    return destinations;
  }

  public void setDestinations(List<RouteDestination> destinations) {
    this.destinations = destinations;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFRouteSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(host, other.host)
        && Objects.equals(domain, other.domain)
        && Objects.equals(path, other.path)
        && Objects.equals(port, other.port)
        && Objects.equals(protocol, other.protocol)
        && Objects.equals(options, other.options)
        && Objects.equals(destinations, other.destinations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, domain, path, port, protocol, options, destinations);
  }
}
