package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * A CF quota (org or space) as declared in Git: every limit is optional, and an absent limit means
 * unlimited, as {@code null} does in Cloud Controller's V3 quota objects.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QuotaSpec {
  @JsonProperty("name")
  @JsonPropertyDescription(
      "Quota name as cf shows it (the foundation.yml key, or the org/space name when inline).")
  @Required
  private String name;

  @JsonProperty("guid")
  @JsonPropertyDescription("CF guid of the quota (stable UUIDv5).")
  private String guid;

  @JsonProperty("totalMemoryMB")
  @JsonPropertyDescription("Memory of all started process instances together, in MB.")
  private Long totalMemoryMB;

  @JsonProperty("instanceMemoryMB")
  @JsonPropertyDescription("Memory of one process instance, in MB.")
  private Long instanceMemoryMB;

  @JsonProperty("appInstances")
  @JsonPropertyDescription("Process instances of started apps, together.")
  private Integer appInstances;

  @JsonProperty("routes")
  @JsonPropertyDescription("Routes.")
  private Integer routes;

  @JsonProperty("reservedRoutePorts")
  @JsonPropertyDescription("Routes with a TCP port.")
  private Integer reservedRoutePorts;

  @JsonProperty("serviceInstances")
  @JsonPropertyDescription("Service instances bound by apps.")
  private Integer serviceInstances;

  @JsonProperty("logRateLimitBytesPerSecond")
  @JsonPropertyDescription("Log volume per second of all started process instances together.")
  private Long logRateLimitBytesPerSecond;

  @JsonProperty("paidServicePlans")
  @JsonPropertyDescription("Shown by cf only: Gitfoundry has no service plans.")
  private Boolean paidServicePlans;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGuid() {
    return guid;
  }

  public void setGuid(String guid) {
    this.guid = guid;
  }

  public Long getTotalMemoryMB() {
    return totalMemoryMB;
  }

  public void setTotalMemoryMB(Long totalMemoryMB) {
    this.totalMemoryMB = totalMemoryMB;
  }

  public Long getInstanceMemoryMB() {
    return instanceMemoryMB;
  }

  public void setInstanceMemoryMB(Long instanceMemoryMB) {
    this.instanceMemoryMB = instanceMemoryMB;
  }

  public Integer getAppInstances() {
    return appInstances;
  }

  public void setAppInstances(Integer appInstances) {
    this.appInstances = appInstances;
  }

  public Integer getRoutes() {
    return routes;
  }

  public void setRoutes(Integer routes) {
    this.routes = routes;
  }

  public Integer getReservedRoutePorts() {
    return reservedRoutePorts;
  }

  public void setReservedRoutePorts(Integer reservedRoutePorts) {
    this.reservedRoutePorts = reservedRoutePorts;
  }

  public Integer getServiceInstances() {
    return serviceInstances;
  }

  public void setServiceInstances(Integer serviceInstances) {
    this.serviceInstances = serviceInstances;
  }

  public Long getLogRateLimitBytesPerSecond() {
    return logRateLimitBytesPerSecond;
  }

  public void setLogRateLimitBytesPerSecond(Long logRateLimitBytesPerSecond) {
    this.logRateLimitBytesPerSecond = logRateLimitBytesPerSecond;
  }

  public Boolean getPaidServicePlans() {
    return paidServicePlans;
  }

  public void setPaidServicePlans(Boolean paidServicePlans) {
    this.paidServicePlans = paidServicePlans;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof QuotaSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(name, other.name)
        && Objects.equals(guid, other.guid)
        && Objects.equals(totalMemoryMB, other.totalMemoryMB)
        && Objects.equals(instanceMemoryMB, other.instanceMemoryMB)
        && Objects.equals(appInstances, other.appInstances)
        && Objects.equals(routes, other.routes)
        && Objects.equals(reservedRoutePorts, other.reservedRoutePorts)
        && Objects.equals(serviceInstances, other.serviceInstances)
        && Objects.equals(logRateLimitBytesPerSecond, other.logRateLimitBytesPerSecond)
        && Objects.equals(paidServicePlans, other.paidServicePlans);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        guid,
        totalMemoryMB,
        instanceMemoryMB,
        appInstances,
        routes,
        reservedRoutePorts,
        serviceInstances,
        logRateLimitBytesPerSecond,
        paidServicePlans);
  }
}
