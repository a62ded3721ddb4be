package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §3.3: services as names or {name, parameters, binding_name}. */
class ServiceRulesTest {
  private static final String SHAPE = forApp("a", "Services must be a list of service instances");

  private static List<ServiceBinding> services(String services) {
    return onlyApp(compileValid("applications:\n- name: a\n  services:\n" + services))
        .getSpec()
        .getServices();
  }

  @Test
  void namesAndMapsMix() {
    List<ServiceBinding> bindings =
        services(
            "  - db\n  - name: cache\n    binding_name: redis\n"
                + "  - name: broker\n    parameters:\n      plan: small\n      replicas: 3\n"
                + "      nested: {enabled: true}\n");
    assertThat(bindings)
        .extracting(ServiceBinding::getName)
        .containsExactly("db", "cache", "broker");
    assertThat(bindings.get(0).getBindingName()).isNull();
    assertThat(bindings.get(0).getParameters()).isNull();
    assertThat(bindings.get(1).getBindingName()).isEqualTo("redis");
    assertThat(bindings.get(2).getParameters())
        .containsEntry("plan", "small")
        .containsEntry("replicas", 3L)
        .containsEntry("nested", Map.of("enabled", true));
  }

  @Test
  void nullBindingNameIsNoBindingName() {
    assertThat(services("  - name: db\n    binding_name: null\n").get(0).getBindingName()).isNull();
  }

  @Test
  void emptyListIsFine() {
    assertThat(
            onlyApp(compileValid("applications:\n- name: a\n  services: []\n"))
                .getSpec()
                .getServices())
        .isEmpty();
  }

  @Test
  void aMapOfServiceSpecsIsRejected() {
    assertThat(
            singleError(
                "applications:\n- name: a\n  services:\n    amqp:\n      label: cloudamqp\n"
                    + "      plan: bunny\n"))
        .isEqualTo(SHAPE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "  services: db\n",
        "  services:\n  - name: db\n    plan: small\n",
        "  services:\n  - name: db\n    parameters: '{\"a\": 1}'\n",
        "  services:\n  - name: db\n    parameters: [a]\n",
        "  services:\n  - name: db\n    binding_name: [x]\n",
        "  services:\n  - name: db\n    binding_name: {x: y}\n",
        "  services:\n  - binding_name: x\n",
        "  services:\n  - name: ''\n",
        "  services:\n  - 42\n",
        "  services:\n  - [db]\n",
        "  services:\n  - name: [db]\n",
      })
  void badShapes(String services) {
    assertThat(singleError("applications:\n- name: a\n" + services)).isEqualTo(SHAPE);
  }
}
