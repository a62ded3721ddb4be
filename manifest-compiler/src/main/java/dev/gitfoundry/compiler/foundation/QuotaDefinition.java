package dev.gitfoundry.compiler.foundation;

import dev.gitfoundry.compiler.yaml.Position;

/**
 * A quota as written in foundation.yml, org.yml or space.yml. A null limit is unlimited.
 *
 * @param file where it is defined, for messages that point back at it
 */
public record QuotaDefinition(
    String name,
    String file,
    Position position,
    Long totalMemoryMb,
    Long instanceMemoryMb,
    Integer appInstances,
    Integer routes,
    Integer reservedRoutePorts,
    Integer serviceInstances,
    Long logRateLimitBytesPerSecond,
    Boolean paidServicePlans) {

  public QuotaDefinition named(String newName) {
    return new QuotaDefinition(
        newName,
        file,
        position,
        totalMemoryMb,
        instanceMemoryMb,
        appInstances,
        routes,
        reservedRoutePorts,
        serviceInstances,
        logRateLimitBytesPerSecond,
        paidServicePlans);
  }
}
