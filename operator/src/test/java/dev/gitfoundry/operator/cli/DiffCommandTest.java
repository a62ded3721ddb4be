package dev.gitfoundry.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gitfoundry diff} on the example repositories, against golden files: a change that adds,
 * changes and removes apps, in text and JSON; equal trees; a Git revision as the other side; and
 * the exit codes 0, 1 and 2. Regenerate the golden files with {@code -Dgolden.update=true}.
 */
class DiffCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path temp;

  @Test
  void aChangeReadsPerAppWithEachFieldAndEnvValuesHidden() throws Exception {
    Path changed = changedAcme();
    assertThat(run("diff", changed.toString(), "--against", unchangedAcme().toString()))
        .isEqualTo(1);
    assertGolden("diff-acme-change.txt", normalized(out.toString(), changed));
    assertThat(out.toString()).doesNotContain("secret-value");
  }

  @Test
  void jsonHasOneEntryPerAppWithItsFields() throws Exception {
    Path changed = changedAcme();
    assertThat(
            run("diff", "-o", "json", changed.toString(), "--against", unchangedAcme().toString()))
        .isEqualTo(1);
    assertGolden("diff-acme-change.json", normalized(out.toString(), changed));
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("equal").asBoolean()).isFalse();
    assertThat(json.get("summary").get("added").asInt()).isEqualTo(1);
  }

  @Test
  void oneRepositoryAgainstAnotherAddsAndRemovesEveryApp() throws Exception {
    assertThat(run("diff", examples("acme").toString(), "--against", examples("hello").toString()))
        .isEqualTo(1);
    assertGolden("diff-acme-against-hello.txt", normalized(out.toString(), null));
  }

  @Test
  void equalTreesExitZero() {
    assertThat(run("diff", examples("acme").toString(), "--against", examples("acme").toString()))
        .isZero();
    assertThat(out.toString()).contains("no app differs");
  }

  @Test
  void aGitRevisionIsReadAsCommitted() throws Exception {
    Path repository = temp.resolve("manifests");
    copy(examples("acme"), repository);
    try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("acme")
          .setSign(false)
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call();
    }
    Files.writeString(
        repository.resolve("acme/prod/vars.yml"), "web-instances: 5\nweb-host: www\n");

    assertThat(run("diff", repository.toString(), "--against", "main")).isEqualTo(1);
    assertThat(out.toString())
        .contains("~ acme/prod/web: changed", "processes[web].instances: 3 → 5")
        .contains("1 app(s) differ: 0 added, 1 changed, 0 removed");
    assertThat(run("diff", repository.toString(), "--against", "no-such-branch")).isEqualTo(2);
    assertThat(err.toString()).contains("no revision 'no-such-branch'");
  }

  @Test
  void manifestsThatDoNotCompileExitTwoWithFileAndLine() {
    assertThat(
            run("diff", examples("mistakes").toString(), "--against", examples("acme").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("does not compile")
        .containsPattern("manifest\\.yml:6:13: error: For application 'web'");
  }

  /** acme as a plain directory, laid out as {@link #changedAcme()} is. */
  private Path unchangedAcme() throws IOException {
    Path unchanged = temp.resolve("before/acme");
    copy(examples("acme"), unchanged);
    return unchanged;
  }

  /** acme with web's memory raised and an env value changed, staging removed, an app added. */
  private Path changedAcme() throws IOException {
    Path changed = temp.resolve("acme");
    copy(examples("acme"), changed);
    Path web = changed.resolve("acme/prod/web/manifest.yml");
    Files.writeString(
        web,
        Files.readString(web)
            .replace("memory: 128M", "memory: 256M")
            .replace(
                "MAX_CONNECTIONS: 100", "MAX_CONNECTIONS: 200\n      API_TOKEN: secret-value"));
    delete(changed.resolve("acme/staging"));
    Path added = changed.resolve("globex/dev/admin/manifest.yml");
    Files.createDirectories(added.getParent());
    Files.writeString(
        added, "applications:\n- name: admin\n  docker: {image: admin:1}\n  no-route: true\n");
    return changed;
  }

  private int run(String... args) {
    CommandLine commandLine = GitfoundryCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  private static String normalized(String output, Path changed) {
    String text = output.replace(examples("").toString(), "examples/repos");
    return changed == null
        ? text
        : text.replace(changed.toString(), "<changed acme>")
            .replace(changed.getParent().resolve("before/acme").toString(), "<acme>");
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path golden = projectRoot().resolve("operator/src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static Path examples(String name) {
    return projectRoot().resolve("examples/repos").resolve(name).normalize();
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples/repos"))) {
        return dir;
      }
    }
    throw new IllegalStateException("examples/repos not found");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
