package dev.gitfoundry.compiler.manifest;

import java.util.Set;

/** The app-level keys Cloud Controller (and the CLI, for {@code path}) reads, underscored. */
final class AppAttributes {
  private AppAttributes() {}

  static final Set<String> KNOWN =
      Set.of(
          "name",
          "buildpack",
          "buildpacks",
          "command",
          "disk_quota",
          "log_rate_limit_per_second",
          "docker",
          "env",
          "features",
          "health_check_http_endpoint",
          "health_check_invocation_timeout",
          "health_check_interval",
          "health_check_type",
          "readiness_health_check_type",
          "readiness_health_check_http_endpoint",
          "readiness_health_check_invocation_timeout",
          "readiness_health_check_interval",
          "instances",
          "lifecycle",
          "cnb_credentials",
          "metadata",
          "memory",
          "no_route",
          "path",
          "processes",
          "random_route",
          "default_route",
          "routes",
          "services",
          "sidecars",
          "stack",
          "timeout",
          // v6 route keys are reported on their own.
          "host",
          "hosts",
          "domain",
          "domains",
          "no_hostname");

  /** App-level keys that configure the web process; ignored when processes has a web entry. */
  static final Set<String> WEB_PROCESS =
      Set.of(
          "command",
          "disk_quota",
          "memory",
          "instances",
          "log_rate_limit_per_second",
          "health_check_type",
          "health_check_http_endpoint",
          "health_check_invocation_timeout",
          "health_check_interval",
          "readiness_health_check_type",
          "readiness_health_check_http_endpoint",
          "readiness_health_check_invocation_timeout",
          "readiness_health_check_interval",
          "timeout");
}
