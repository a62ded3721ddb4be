package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.errors;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.process;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static dev.gitfoundry.compiler.CompilerFixtures.warnings;
import static dev.gitfoundry.compiler.CompilerFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §3 and §3.1: process attributes, processes[], web precedence. */
class ProcessRulesTest {
  private static String app(String attributes) {
    return "applications:\n- name: a\n" + attributes;
  }

  @Test
  void appLevelAttributesConfigureWeb() {
    ProcessSpec web =
        web(
            compileValid(
                app(
                    "  command: bin/start\n  instances: 3\n  memory: 256M\n  disk_quota: 2G\n"
                        + "  timeout: 90\n  health-check-type: http\n"
                        + "  health-check-http-endpoint: /health\n")));
    assertThat(web.getCommand()).isEqualTo("bin/start");
    assertThat(web.getInstances()).isEqualTo(3);
    assertThat(web.getMemoryMB()).isEqualTo(256L);
    assertThat(web.getDiskMB()).isEqualTo(2048L);
    assertThat(web.getTimeoutSeconds()).isEqualTo(90);
    assertThat(web.getHealthCheck().getType()).isEqualTo("http");
    assertThat(web.getHealthCheck().getEndpoint()).isEqualTo("/health");
  }

  @Test
  void keysAreNormalisedLikeActiveSupportUnderscore() {
    ProcessSpec web = web(compileValid(app("  healthCheckType: process\n  disk-quota: 64M\n")));
    assertThat(web.getHealthCheck().getType()).isEqualTo("process");
    assertThat(web.getDiskMB()).isEqualTo(64L);
  }

  @Test
  void webDefaults() {
    ProcessSpec web = web(compileValid(app("  env: {}\n")));
    assertThat(web.getInstances()).isEqualTo(1);
    assertThat(web.getHealthCheck().getType()).isEqualTo("port");
    assertThat(web.getReadinessCheck().getType()).isEqualTo("process");
    assertThat(web.getCommand()).isNull();
    assertThat(web.getTimeoutSeconds()).isNull();
  }

  @Test
  void aWebEntryReplacesAppLevelAttributesInsteadOfMerging() {
    Compilation compilation =
        compile(
            app(
                "  memory: 2G\n  instances: 5\n  command: app-level\n"
                    + "  processes:\n  - type: web\n    memory: 128M\n"));
    ProcessSpec web = web(compilation);
    assertThat(web.getMemoryMB()).isEqualTo(128L);
    assertThat(web.getInstances()).isEqualTo(1);
    assertThat(web.getCommand()).isNull();
    assertThat(onlyApp(compilation).getSpec().getProcesses()).hasSize(1);
    assertThat(warnings(compilation))
        .anySatisfy(w -> assertThat(w).contains("'memory'").contains("ignored"))
        .anySatisfy(w -> assertThat(w).contains("'instances'"))
        .anySatisfy(w -> assertThat(w).contains("'command'"));
  }

  @Test
  void withoutAWebEntryAppLevelConfiguresWebAndOtherTypesGetTheirOwnDefaults() {
    var app =
        onlyApp(
            compileValid(
                app(
                    "  memory: 512M\n  instances: 2\n"
                        + "  processes:\n  - type: worker\n    command: bin/work\n")));
    assertThat(app.getSpec().getProcesses())
        .extracting(ProcessSpec::getType)
        .containsExactly("web", "worker");
    ProcessSpec web = process(app, "web");
    assertThat(web.getMemoryMB()).isEqualTo(512L);
    assertThat(web.getInstances()).isEqualTo(2);
    ProcessSpec worker = process(app, "worker");
    assertThat(worker.getInstances()).isZero();
    assertThat(worker.getMemoryMB()).isEqualTo(1024L);
    assertThat(worker.getHealthCheck().getType()).isEqualTo("process");
    assertThat(worker.getCommand()).isEqualTo("bin/work");
  }

  @Test
  void processesOfAnotherShapeFailInTheCliBeforeCloudController() {
    // The CLI decodes processes into []Process, so CC's "Processes must be an array of process
    // configurations" is never reached through cf push: go-yaml's unmarshal error is.
    assertThat(singleError(app("  processes:\n    type: web\n")))
        .startsWith("yaml: unmarshal errors:");
    assertThat(singleError(app("  processes: [web]\n"))).startsWith("yaml: unmarshal errors:");
    assertThat(singleError(app("  processes: web\n"))).startsWith("yaml: unmarshal errors:");
  }

  @Test
  void everyProcessNeedsAType() {
    assertThat(singleError(app("  processes:\n  - instances: 1\n")))
        .isEqualTo(forApp("a", "All Processes must specify a type"));
    assertThat(singleError(app("  processes:\n  - type: ''\n")))
        .isEqualTo(forApp("a", "All Processes must specify a type"));
  }

  @Test
  void aTypeMayOnlyBePresentOnce() {
    Compilation compilation =
        compile(app("  processes:\n  - type: worker\n  - type: web\n  - type: worker\n"));
    assertThat(locatedErrors(compilation))
        .containsExactly("6:5: " + forApp("a", "Process \"worker\" may only be present once"));
  }

  @Test
  void healthCheckTimeoutIsRejectedInProcesses() {
    assertThat(singleError(app("  processes:\n  - type: web\n    health-check-timeout: 10\n")))
        .isEqualTo(forApp("a", "Process \"web\": Unknown field(s): 'health_check_timeout'"));
  }

  @Test
  void unknownProcessKeysAreIgnored() {
    compileValid(app("  processes:\n  - type: web\n    colour: blue\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "2000001"})
  void instancesRange(String value) {
    String expected =
        value.equals("-1")
            ? "Process \"web\": Instances must be greater than or equal to 0"
            : "Process \"web\": Instances must be less than or equal to 2000000";
    assertThat(singleError(app("  instances: " + value + "\n"))).isEqualTo(forApp("a", expected));
  }

  @Test
  void instancesBounds() {
    assertThat(web(compileValid(app("  instances: 0\n"))).getInstances()).isZero();
    assertThat(web(compileValid(app("  instances: 2000000\n"))).getInstances())
        .isEqualTo(2_000_000);
  }

  @Test
  void typedProcessFieldsAreCheckedAfterInterpolation() {
    // instances is a Go int in the CLI: a string variable fails the whole manifest.
    Compilation compilation =
        compile(
            app("  processes:\n  - type: worker\n    instances: ((n))\n"),
            CompilerFixtures.settings()
                .withVariables(java.util.Map.of("n", CompilerFixtures.yaml("two"))));
    assertThat(errors(compilation)).hasSize(1);
    assertThat(errors(compilation).get(0)).startsWith("yaml: unmarshal errors:");
    Compilation typed =
        compile(
            app("  processes:\n  - type: worker\n    instances: ((n))\n"),
            CompilerFixtures.settings()
                .withVariables(java.util.Map.of("n", CompilerFixtures.yaml("4"))));
    assertThat(process(onlyApp(typed), "worker").getInstances()).isEqualTo(4);
  }

  @Test
  void timeoutMustBePositive() {
    assertThat(singleError(app("  timeout: -5\n")))
        .isEqualTo(forApp("a", "Process \"web\": Timeout must be greater than or equal to 1"));
  }

  @Test
  void timeoutZeroIsDroppedByTheCli() {
    assertThat(web(compileValid(app("  timeout: 0\n"))).getTimeoutSeconds()).isNull();
  }

  @Test
  void timeoutAboveTheDefaultMaximumFails() {
    assertThat(web(compileValid(app("  timeout: 180\n"))).getTimeoutSeconds()).isEqualTo(180);
    assertThat(singleError(app("  timeout: 181\n")))
        .startsWith(forApp("a", "Process \"web\": "))
        .contains("Maximum exceeded: max 180s");
  }

  @Test
  void commandRules() {
    assertThat(singleError(app("  command: ''\n")))
        .isEqualTo(forApp("a", "Process \"web\": Command must be between 1 and 4096 characters"));
    assertThat(web(compileValid(app("  command: null\n"))).getCommand()).isNull();
    assertThat(web(compileValid(app("  command: 'null'\n"))).getCommand()).isNull();
    assertThat(web(compileValid(app("  command: default\n"))).getCommand()).isNull();
    assertThat(singleError(app("  command: " + "x".repeat(4097) + "\n")))
        .isEqualTo(forApp("a", "Process \"web\": Command must be between 1 and 4096 characters"));
  }

  @Test
  void processUser() {
    var app = onlyApp(compileValid(app("  processes:\n  - type: web\n    user: vcap\n")));
    assertThat(process(app, "web").getUser()).isEqualTo("vcap");
    assertThat(singleError(app("  processes:\n  - type: web\n    user: " + "u".repeat(256) + "\n")))
        .isEqualTo(forApp("a", "Process \"web\": User must be between 1 and 255 characters"));
  }
}
