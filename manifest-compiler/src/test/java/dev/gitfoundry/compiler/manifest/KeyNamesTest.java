package dev.gitfoundry.compiler.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ActiveSupport {@code underscore} as CC applies it to app and process keys (§0). */
class KeyNamesTest {
  @ParameterizedTest
  @CsvSource({
    "health-check-type, health_check_type",
    "health_check_type, health_check_type",
    "healthCheckType, health_check_type",
    "HealthCheckType, health_check_type",
    "disk-quota, disk_quota",
    "log-rate-limit-per-second, log_rate_limit_per_second",
    "readiness-health-check-http-endpoint, readiness_health_check_http_endpoint",
    "HTTPEndpoint, http_endpoint",
    "memory, memory",
    "no-route, no_route",
  })
  void underscores(String key, String expected) {
    assertThat(KeyNames.underscore(key)).isEqualTo(expected);
  }
}
