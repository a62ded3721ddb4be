package dev.gitfoundry.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.testing.CommandResult;
import dev.gitfoundry.testing.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint --strict} with the default values and with every {@code chart/ci/} file. */
class ChartLintIT {

  @Test
  void defaultValuesLint() {
    CommandResult result = Helm.get().lint(List.of());
    result.orThrow("helm lint chart/");
    assertThat(result.stdout()).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  /** What a user runs first; the pinned helm must not assume Kubernetes 1.20 without a cluster. */
  @Test
  void templatesWithoutNamingAKubernetesVersion() {
    CommandResult result =
        Helm.get().run(List.of("template", "gitfoundry", Helm.get().chart().toString()), Map.of());
    result.orThrow("helm template gitfoundry chart/");
    assertThat(result.stdout()).contains("kind: Deployment");
  }

  static Stream<Path> ciValuesFiles() {
    List<Path> files = Helm.get().ciValuesFiles();
    assertThat(files).as("chart/ci/*-values.yaml").hasSizeGreaterThanOrEqualTo(2);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("ciValuesFiles")
  void nonDefaultValuesLint(Path values) {
    CommandResult result = Helm.get().lint(List.of("-f", values.toString()));
    result.orThrow("helm lint chart/ -f " + values);
    assertThat(result.stdout()).contains("0 chart(s) failed");
  }

  @Test
  void lintFailsOnValuesTheSchemaRejects() throws Exception {
    try (TempDir dir = TempDir.create("chart-lint")) {
      Path values = dir.resolve("bad-values.yaml");
      Files.writeString(values, "routing: nginx\nreplicas: 2\n");
      CommandResult result = Helm.get().lint(List.of("-f", values.toString()));
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.stdout() + result.stderr())
          .contains("value must be one of 'ingress', 'gateway'")
          .contains("additional properties 'replicas' not allowed");
    }
  }
}
