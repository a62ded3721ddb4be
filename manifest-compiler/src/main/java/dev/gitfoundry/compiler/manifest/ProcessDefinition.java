package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.Position;

/**
 * One process of an app after validation, with Cloud Controller's defaults filled in, and where its
 * sizes were written (null when they were not: the default applies).
 */
public record ProcessDefinition(
    String type,
    String command,
    String user,
    int instances,
    long memoryMb,
    long diskMb,
    Long logRateLimitBytesPerSecond,
    HealthCheck healthCheck,
    HealthCheck readinessCheck,
    Integer timeoutSeconds,
    Position memoryPosition,
    Position instancesPosition,
    Position logRatePosition) {}
