package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.process;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static dev.gitfoundry.compiler.CompilerFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §3: liveness and readiness health checks, with CC's messages. */
class HealthCheckRulesTest {
  private static String app(String attributes) {
    return "applications:\n- name: a\n" + attributes;
  }

  private static HealthCheck liveness(String attributes) {
    return web(compileValid(app(attributes))).getHealthCheck();
  }

  private static HealthCheck readiness(String attributes) {
    return web(compileValid(app(attributes))).getReadinessCheck();
  }

  @ParameterizedTest
  @CsvSource({"port, port", "process, process", "http, http", "none, process"})
  void livenessTypes(String written, String type) {
    assertThat(liveness("  health-check-type: " + written + "\n").getType()).isEqualTo(type);
  }

  @Test
  void httpDefaultsToSlash() {
    HealthCheck check = liveness("  health-check-type: http\n");
    assertThat(check.getEndpoint()).isEqualTo("/");
  }

  @Test
  void httpEndpointAndTimings() {
    HealthCheck check =
        liveness(
            "  health-check-type: http\n  health-check-http-endpoint: /healthz\n"
                + "  health-check-invocation-timeout: 5\n  health-check-interval: 15\n");
    assertThat(check.getType()).isEqualTo("http");
    assertThat(check.getEndpoint()).isEqualTo("/healthz");
    assertThat(check.getInvocationTimeoutSeconds()).isEqualTo(5);
    assertThat(check.getIntervalSeconds()).isEqualTo(15);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "HTTP", "'true'", "ping"})
  void unknownTypes(String type) {
    assertThat(singleError(app("  health-check-type: " + type + "\n")))
        .isEqualTo(
            forApp(
                "a",
                "Process \"web\": Health check type must be \"port\", \"process\", or \"http\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"health", "'/a b'", "'//double'", "'http://x/'"})
  void endpointMustBeAUriPath(String endpoint) {
    assertThat(
            singleError(
                app("  health-check-type: http\n  health-check-http-endpoint: " + endpoint + "\n")))
        .isEqualTo(
            forApp("a", "Process \"web\": Health check http endpoint must be a valid URI path"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/health", "/a/b?c=d", "/x//y"})
  void validEndpoints(String endpoint) {
    assertThat(
            liveness(
                    "  health-check-type: http\n  health-check-http-endpoint: '" + endpoint + "'\n")
                .getEndpoint())
        .isEqualTo(endpoint);
  }

  @Test
  void endpointNeedsHttpType() {
    assertThat(singleError(app("  health-check-type: port\n  health-check-http-endpoint: /x\n")))
        .isEqualTo(
            forApp(
                "a",
                "Process \"web\": Health check type must be \"http\" to set a health check HTTP"
                    + " endpoint"));
  }

  @ParameterizedTest
  @CsvSource({
    "health-check-invocation-timeout, 0, Health check invocation timeout must be greater than or equal to 1",
    "health-check-invocation-timeout, abc, Health check invocation timeout is not a number",
    "health-check-invocation-timeout, 1.5, Health check invocation timeout must be an integer",
    "health-check-interval, 0, Health check interval must be greater than or equal to 1",
    "health-check-interval, -3, Health check interval must be greater than or equal to 1",
    "readiness-health-check-invocation-timeout, 0, Readiness health check invocation timeout must be greater than or equal to 1",
    "readiness-health-check-interval, x, Readiness health check interval is not a number",
  })
  void timings(String key, String value, String message) {
    assertThat(singleError(app("  " + key + ": " + value + "\n")))
        .isEqualTo(forApp("a", "Process \"web\": " + message));
  }

  @Test
  void untypedTimingsFollowRailsNumericality() {
    // Not typed by the CLI: a numeric string or an integral float is a number to CC.
    HealthCheck check =
        liveness("  health-check-invocation-timeout: '5'\n  health-check-interval: 10.0\n");
    assertThat(check.getInvocationTimeoutSeconds()).isEqualTo(5);
    assertThat(check.getIntervalSeconds()).isEqualTo(10);
  }

  @Test
  void readinessDefaultsToProcess() {
    assertThat(readiness("  instances: 1\n").getType()).isEqualTo("process");
  }

  @Test
  void readinessHttp() {
    HealthCheck check =
        readiness(
            "  readiness-health-check-type: http\n"
                + "  readiness-health-check-http-endpoint: /ready\n"
                + "  readiness-health-check-interval: 2\n");
    assertThat(check.getType()).isEqualTo("http");
    assertThat(check.getEndpoint()).isEqualTo("/ready");
    assertThat(check.getIntervalSeconds()).isEqualTo(2);
  }

  @Test
  void readinessMessages() {
    assertThat(singleError(app("  readiness-health-check-type: tcp\n")))
        .isEqualTo(
            forApp(
                "a",
                "Process \"web\": Readiness health check type must be \"port\", \"process\", or"
                    + " \"http\""));
    assertThat(
            singleError(
                app(
                    "  readiness-health-check-type: port\n"
                        + "  readiness-health-check-http-endpoint: /ready\n")))
        .isEqualTo(
            forApp(
                "a",
                "Process \"web\": Readiness health check type must be \"http\" to set a health"
                    + " check HTTP endpoint"));
  }

  @Test
  void checksInProcessEntries() {
    var app =
        onlyApp(
            compileValid(
                app(
                    "  processes:\n  - type: worker\n    health-check-type: http\n"
                        + "    health-check-http-endpoint: /w\n")));
    assertThat(process(app, "worker").getHealthCheck().getType()).isEqualTo("http");
    assertThat(process(app, "worker").getHealthCheck().getEndpoint()).isEqualTo("/w");
  }

  @Test
  void everyHealthCheckErrorIsReportedAtItsValue() {
    Compilation compilation =
        compile(
            app(
                "  health-check-type: tcp\n  health-check-interval: 0\n"
                    + "  readiness-health-check-type: nope\n"));
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "3:22: "
                + forApp(
                    "a",
                    "Process \"web\": Health check type must be \"port\", \"process\", or \"http\""),
            "4:26: "
                + forApp(
                    "a",
                    "Process \"web\": Health check interval must be greater than or equal to 1"),
            "5:32: "
                + forApp(
                    "a",
                    "Process \"web\": Readiness health check type must be \"port\", \"process\","
                        + " or \"http\""));
  }
}
