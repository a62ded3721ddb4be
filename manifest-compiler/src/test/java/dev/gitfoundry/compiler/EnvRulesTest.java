package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.env;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §3 env: Ruby to_s stringification, reserved names. */
class EnvRulesTest {
  private static Map<String, String> env(String values) {
    return CompilerFixtures.env(compileValid("applications:\n- name: a\n  env:\n" + values), "a");
  }

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "true | true",
        "false | false",
        "yes | true",
        "no | false",
        "on | true",
        "off | false",
        "8082 | 8082",
        "'\"8082\"' | 8082",
        "007 | 7",
        "0x1F | 31",
        "1.5 | 1.5",
        "1.0 | 1",
        "2.50 | 2.5",
        "'[1.0, 2.5]' | '[1, 2.5]'",
        "plain text | plain text",
        "'\"True\"' | True",
        "'[\"a\", \"b\"]' | '[\"a\", \"b\"]'",
        "'[a, b]' | '[\"a\", \"b\"]'",
        "'[1, true]' | '[1, true]'",
      })
  void valuesAreStringified(String yaml, String expected) {
    assertThat(env("    V: " + yaml + "\n")).containsEntry("V", expected);
  }

  @Test
  void nullIsTheEmptyString() {
    assertThat(env("    A: null\n    B: ~\n    C:\n"))
        .containsEntry("A", "")
        .containsEntry("B", "")
        .containsEntry("C", "");
  }

  @Test
  void envIsInTheSecretNotTheApp() {
    Compilation compilation = compileValid("applications:\n- name: a\n  env:\n    K: v\n");
    assertThat(CompilerFixtures.onlyApp(compilation).getSpec().getEnvSecretName())
        .isEqualTo("a-env");
    assertThat(CompilerFixtures.env(compilation, "a")).isEqualTo(Map.of("K", "v"));
  }

  @Test
  void envMustBeAMap() {
    assertThat(singleError("applications:\n- name: a\n  env: [A=1]\n"))
        .isEqualTo(forApp("a", "Env must be an object of keys and values"));
    assertThat(singleError("applications:\n- name: a\n  env: A=1\n"))
        .isEqualTo(forApp("a", "Env must be an object of keys and values"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"VCAP_SERVICES", "vcap_application", "Vcap_Foo", "VCAP_"})
  void vcapPrefixIsReserved(String key) {
    assertThat(singleError("applications:\n- name: a\n  env:\n    " + key + ": x\n"))
        .isEqualTo(forApp("a", "Env cannot start with VCAP_"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"VMC_APP", "vmc_x", "VMCX"})
  void vmcPrefixIsReserved(String key) {
    assertThat(singleError("applications:\n- name: a\n  env:\n    " + key + ": x\n"))
        .isEqualTo(forApp("a", "Env cannot start with VMC_"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PORT", "port", "Port"})
  void portIsReserved(String key) {
    assertThat(singleError("applications:\n- name: a\n  env:\n    " + key + ": 8080\n"))
        .isEqualTo(forApp("a", "Env cannot set PORT"));
  }

  @Test
  void similarNamesAreFine() {
    assertThat(env("    PORTS: 1\n    MY_VCAP_X: 2\n    SERVER_PORT: 3\n")).hasSize(3);
  }

  @Test
  void emptyKey() {
    assertThat(singleError("applications:\n- name: a\n  env:\n    '': x\n"))
        .isEqualTo(forApp("a", "Env key must be a minimum length of 1"));
  }

  @Test
  void everyEnvErrorIsReportedAtItsKey() {
    Compilation compilation =
        compile("applications:\n- name: a\n  env:\n    PORT: 1\n    OK: 2\n    vcap_x: 3\n");
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "4:5: " + forApp("a", "Env cannot set PORT"),
            "6:5: " + forApp("a", "Env cannot start with VCAP_"));
  }
}
