package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** CF route options. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RouteOptions {
  @JsonProperty("loadbalancing")
  @JsonPropertyDescription("round-robin, least-connection or hash.")
  private String loadbalancing;

  @JsonProperty("hashHeader")
  @JsonPropertyDescription("Request header hashed when loadbalancing is hash.")
  private String hashHeader;

  @JsonProperty("hashBalance")
  @JsonPropertyDescription("Balance factor for hash load balancing, as a decimal string.")
  private String hashBalance;

  public String getLoadbalancing() {
    return loadbalancing;
  }

  public void setLoadbalancing(String loadbalancing) {
    this.loadbalancing = loadbalancing;
  }

  public String getHashHeader() {
    return hashHeader;
  }

  public void setHashHeader(String hashHeader) {
    this.hashHeader = hashHeader;
  }

  public String getHashBalance() {
    return hashBalance;
  }

  public void setHashBalance(String hashBalance) {
    this.hashBalance = hashBalance;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RouteOptions other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(loadbalancing, other.loadbalancing)
        && Objects.equals(hashHeader, other.hashHeader)
        && Objects.equals(hashBalance, other.hashBalance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loadbalancing, hashHeader, hashBalance);
  }
}
