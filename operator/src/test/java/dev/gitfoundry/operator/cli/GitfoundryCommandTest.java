package dev.gitfoundry.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The compile and validate contract: output forms and exit codes 0, 1 and 2. */
class GitfoundryCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = GitfoundryCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  private static Path examples(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples/repos"))) {
        return dir.resolve("examples/repos").resolve(name);
      }
    }
    throw new IllegalStateException("examples/repos not found");
  }

  @Test
  void validRepositoryExitsZero() {
    assertThat(run("validate", examples("acme").toString())).isZero();
    assertThat(out.toString()).contains("valid: 0 error(s)");
  }

  @Test
  void invalidRepositoryPrintsFileLineColumnAndExitsOne() {
    assertThat(run("validate", examples("mistakes").toString())).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern(
            "mistakes/acme/prod/web/manifest\\.yml:6:13: error: For application 'web': Process"
                + " \"web\": Memory must use a supported unit");
  }

  @Test
  void jsonOutputHasTheDocumentedShape() throws Exception {
    assertThat(run("validate", "--output", "json", examples("mistakes").toString())).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("valid").asBoolean()).isFalse();
    JsonNode first = json.get("diagnostics").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("severity", "file", "line", "column", "app", "message");
  }

  @Test
  void compilePrintsObjectsAsYaml() {
    assertThat(run("compile", examples("hello").toString())).isZero();
    assertThat(out.toString())
        .contains("kind: CFOrg")
        .contains("kind: CFApp")
        .contains("kind: CFRoute")
        .contains("host: hello");
  }

  @Test
  void singleManifestCompilesIntoDefaultOrgAndSpace(@TempDir Path dir) throws Exception {
    Path manifest = dir.resolve("manifest.yml");
    Files.writeString(
        manifest, "applications:\n- name: app\n  docker: {image: busybox}\n  instances: ((n))\n");
    assertThat(run("compile", "--var", "n=3", "--domain", "apps.test", manifest.toString()))
        .isZero();
    assertThat(out.toString()).contains("namespace: default-default").contains("instances: 3");
  }

  @Test
  void missingVariableIsAnError(@TempDir Path dir) throws Exception {
    Path manifest = dir.resolve("manifest.yml");
    Files.writeString(manifest, "applications:\n- name: app\n  memory: ((mem))\n");
    assertThat(run("validate", manifest.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("error: Expected to find variables: mem");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("validate")).isEqualTo(2);
    assertThat(run("validate", "--output", "xml", ".")).isEqualTo(2);
    assertThat(run("compile", "--var", "novalue", ".")).isEqualTo(2);
  }

  @Test
  void runRefusesMetricsOnThePublicPort() {
    // Refused before any cluster is contacted: /metrics never shares the port an Ingress routes.
    assertThat(run("run", "--port", "18080", "--metrics-port", "18080")).isEqualTo(2);
    assertThat(err.toString()).contains("--metrics-port must differ from --port (18080)");
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString()).contains("--metrics-port", "default: 9090");
  }

  @Test
  void everySubcommandHasHelp() {
    assertThat(run("validate", "--help")).isZero();
    assertThat(out.toString()).contains("Exit 0 when valid");
    assertThat(run("compile", "--help")).isZero();
    assertThat(out.toString()).contains("--vars-file");
  }
}
