package dev.gitfoundry.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.operator.image.ImageTarball.Entry;
import dev.gitfoundry.operator.image.RootlessContainer.Volume;
import dev.gitfoundry.testing.CommandResult;
import dev.gitfoundry.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The container image that {@code -Pimage} builds ({@code target/jib-image.tar}): its configuration
 * and files, and commands run in it without a container engine (see {@link RootlessContainer}),
 * with nothing from the host but the kernel, {@code /proc} and {@code /dev}. {@link
 * OperatorInImageIT} runs the operator in it.
 */
@EnabledIfSystemProperty(
    named = UnpackedImage.TARBALL_PROPERTY,
    matches = ".+",
    disabledReason = "the image is built and tested with -Pimage")
class ContainerImageIT {
  private static UnpackedImage image;
  private static Map<String, Entry> files;
  private static RootlessContainer container;

  @BeforeAll
  static void unpack() throws IOException {
    image = UnpackedImage.unpack();
    files = image.files;
    container = image.container;
  }

  @AfterAll
  static void delete() {
    if (image != null) {
      image.close();
    }
  }

  @Test
  void configurationRunsTheOperatorAsNonRoot() {
    JsonNode config = image.tarball.containerConfig();
    String version = System.getProperty("gitfoundry.project.version");
    assertThat(config.get("User").asText()).isEqualTo("65532:65532");
    assertThat(container.entrypointWith())
        .containsExactly("java", "-jar", "/app/gitfoundry.jar", "run");
    assertThat(config.get("WorkingDir").asText()).isEqualTo("/app");
    assertThat(config.get("ExposedPorts").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("8080/tcp", "9090/tcp");
    assertThat(config.get("Env").toString())
        .contains("PATH=/opt/java/bin:", "XDG_CONFIG_HOME=/tmp/.config");
    assertThat(config.get("Labels").get("org.opencontainers.image.version").asText())
        .isEqualTo(version);
    assertThat(image.tarball.repoTags())
        .as("the chart's default image: tag = project version")
        .containsExactly("gitfoundry/operator:" + version.replace("-SNAPSHOT", ""));
    assertThat(image.tarball.layerCount()).as("OS, Java runtime, application").isEqualTo(3);
  }

  @Test
  void filesBelongToRootAndOnlyTmpIsWritableByOthers() throws IOException {
    for (Entry entry : files.values()) {
      boolean home = entry.path().equals("home/nonroot");
      assertThat(List.of(entry.uid(), entry.gid()))
          .as("owner of %s", entry.path())
          .containsOnly(home ? 65532L : 0L);
      assertThat(entry.mode() & 06000).as("setuid/setgid on %s", entry.path()).isZero();
      if (entry.linkTarget() == null && !entry.path().equals("tmp")) {
        assertThat(entry.mode() & 0022).as("group/other write on %s", entry.path()).isZero();
      }
    }
    assertThat(files.get("tmp").mode()).isEqualTo(01777);
    assertThat(files.get("app/gitfoundry.jar").mode() & 0444).isEqualTo(0444);
    assertThat(files.get("opt/java/bin/java").mode() & 0555).isEqualTo(0555);
    assertThat(Files.readAllLines(image.rootfs.resolve("etc/passwd")))
        .contains("nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin");
  }

  @Test
  void everySharedLibraryLoadsFromTheImageAlone() {
    List<String> failures = new ArrayList<>();
    List<String> libraries =
        files.values().stream()
            .filter(Entry::isRegularFile)
            .map(Entry::path)
            .filter(path -> path.matches(".*\\.so(\\.[0-9]+)*") && !path.contains("ld-linux"))
            .sorted()
            .toList();
    for (String library : libraries) {
      // The loader's ldd mode, inside the image: what a library needs and where it is found.
      CommandResult result =
          container.run(
              List.of(
                  "/lib64/ld-linux-x86-64.so.2",
                  "--library-path",
                  "/opt/java/lib:/opt/java/lib/server",
                  "--list",
                  "/" + library),
              Map.of(),
              List.of());
      if (result.exitCode() != 0 || result.stdout().contains("not found")) {
        failures.add(library + ":\n" + result.stdout() + result.stderr());
      }
    }
    assertThat(libraries).hasSizeGreaterThan(30).contains("opt/java/lib/server/libjvm.so");
    assertThat(failures).isEmpty();
  }

  @Test
  void javaRunsAsTheImageUserWithItsRuntime() {
    CommandResult result =
        container.run(
            List.of("java", "-XshowSettings:properties", "-version"), Map.of(), List.of());
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .contains("user.name = nonroot", "user.home = /home/nonroot", "java.home = /opt/java")
        .contains("java.version = 17.");
  }

  @Test
  void validateWorksOnAReadOnlyRootWithoutAWritableTmp() {
    List<Volume> examples =
        List.of(new Volume(Tools.repositoryRoot().resolve("examples/repos"), "/examples", true));

    CommandResult valid =
        container.run(container.entrypointWith("validate", "/examples/acme"), Map.of(), examples);
    assertThat(valid.exitCode()).as(valid.stderr()).isZero();
    assertThat(valid.stdout()).contains("valid: 0 error(s)");

    CommandResult invalid =
        container.run(
            container.entrypointWith("validate", "/examples/mistakes"), Map.of(), examples);
    assertThat(invalid.exitCode()).as(invalid.stderr()).isEqualTo(1);
    assertThat(invalid.stdout())
        .contains("/examples/mistakes/acme/prod/web/manifest.yml:6:13: error:");
  }
}
