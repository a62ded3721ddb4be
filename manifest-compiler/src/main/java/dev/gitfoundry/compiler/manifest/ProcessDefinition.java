package dev.gitfoundry.compiler.manifest;

/** One process of an app after validation, with Cloud Controller's defaults filled in. */
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
    Integer timeoutSeconds) {}
