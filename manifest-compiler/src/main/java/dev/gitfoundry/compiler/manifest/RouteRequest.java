package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.Position;

/**
 * A route as written in a manifest, parsed but not yet matched against domains. {@code hostname} is
 * everything before the port or path ({@code www.example.com}, {@code *.example.com}).
 */
public record RouteRequest(
    String route,
    String hostname,
    Integer port,
    String path,
    String protocol,
    String loadbalancing,
    Position position) {}
