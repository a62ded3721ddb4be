package dev.gitfoundry.compiler.manifest;

/** A liveness or readiness check of a process; nulls mean "Cloud Controller's default". */
public record HealthCheck(
    String type, String endpoint, Integer invocationTimeoutSeconds, Integer intervalSeconds) {}
