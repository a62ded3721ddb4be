package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.errors;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.Sidecar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §3.5: sidecars (CC's sidecar_create_message). */
class SidecarRulesTest {
  private static String app(String sidecars) {
    return "applications:\n- name: a\n  sidecars:\n" + sidecars;
  }

  @Test
  void aSidecar() {
    Sidecar sidecar =
        onlyApp(
                compileValid(
                    app(
                        "  - name: proxy\n    command: ./proxy --port 9090\n"
                            + "    process_types: [web, worker]\n    memory: 64M\n")))
            .getSpec()
            .getSidecars()
            .get(0);
    assertThat(sidecar.getName()).isEqualTo("proxy");
    assertThat(sidecar.getCommand()).isEqualTo("./proxy --port 9090");
    assertThat(sidecar.getProcessTypes()).containsExactly("web", "worker");
    assertThat(sidecar.getMemoryMB()).isEqualTo(64L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"  sidecars: proxy\n", "  sidecars:\n    name: proxy\n", "  sidecars: [proxy]\n"})
  void mustBeAnArray(String sidecars) {
    assertThat(singleError("applications:\n- name: a\n" + sidecars))
        .isEqualTo(forApp("a", "Sidecars must be an array of sidecar configurations"));
  }

  @Test
  void nameRules() {
    assertThat(singleError(app("  - command: x\n    process_types: [web]\n")))
        .isEqualTo(forApp("a", "Sidecar name can't be blank"));
    assertThat(singleError(app("  - name: ''\n    command: x\n    process_types: [web]\n")))
        .isEqualTo(forApp("a", "Sidecar name can't be blank"));
    assertThat(singleError(app("  - name: 12\n    command: x\n    process_types: [web]\n")))
        .isEqualTo(forApp("a", "Sidecar name must be a string"));
  }

  @Test
  void commandIsRequired() {
    assertThat(singleError(app("  - name: n\n    process_types: [web]\n")))
        .isEqualTo(forApp("a", "Sidecar \"n\": Command can't be blank"));
  }

  @Test
  void processTypes() {
    assertThat(singleError(app("  - name: n\n    command: x\n")))
        .isEqualTo(forApp("a", "Sidecar \"n\": Process types must be an array"));
    assertThat(singleError(app("  - name: n\n    command: x\n    process_types: web\n")))
        .isEqualTo(forApp("a", "Sidecar \"n\": Process types must be an array"));
    assertThat(singleError(app("  - name: n\n    command: x\n    process_types: []\n")))
        .isEqualTo(forApp("a", "Sidecar \"n\": Process types must have at least 1 process_type"));
  }

  @Test
  void processTypesKeyIsNotNormalised() {
    // Nested keys are not underscored by CC: process-types is an unknown key.
    assertThat(singleError(app("  - name: n\n    command: x\n    process-types: [web]\n")))
        .isEqualTo(forApp("a", "Sidecar \"n\": Process types must be an array"));
  }

  @Test
  void sidecarMemoryMustFitInsideTheProcessMemory() {
    assertThat(
            singleError(
                "applications:\n- name: a\n  memory: 256M\n  sidecars:\n  - name: s\n"
                    + "    command: x\n    process_types: [web]\n    memory: 512M\n"))
        .isEqualTo(
            forApp(
                "a",
                "The sidecar memory allocation defined is too large to run with the dependent"
                    + " \"web\" process"));
    // The default process memory (1024M) counts too; two sidecars add up.
    assertThat(
            singleError(
                app(
                    "  - name: s\n    command: x\n    process_types: [web]\n    memory: 600M\n"
                        + "  - name: t\n    command: y\n    process_types: [web]\n"
                        + "    memory: 600M\n")))
        .isEqualTo(
            forApp(
                "a",
                "The sidecar memory allocation defined is too large to run with the dependent"
                    + " \"web\" process"));
    compileValid(
        "applications:\n- name: a\n  memory: 1G\n  sidecars:\n  - name: s\n    command: x\n"
            + "    process_types: [web, worker]\n    memory: 256M\n");
  }

  @Test
  void everySidecarErrorIsReported() {
    assertThat(errors(compile(app("  - name: n\n  - name: m\n    command: y\n"))))
        .containsExactly(
            forApp("a", "Sidecar \"n\": Command can't be blank"),
            forApp("a", "Sidecar \"n\": Process types must be an array"),
            forApp("a", "Sidecar \"m\": Process types must be an array"));
  }
}
