package dev.gitfoundry.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code validate} reads what Git would give the operator: in a work tree the tracked files and the
 * untracked ones that are not ignored, elsewhere every file; no directory is skipped by name.
 */
class ValidateReadsWhatGitCommitsTest {
  private static final String JAR_APP =
      "applications:\n- name: api\n  path: target/app.jar\n  buildpacks: [java_buildpack]\n";

  @TempDir Path repo;
  private final StringWriter out = new StringWriter();

  private int validate(String... args) {
    CommandLine commandLine = GitfoundryCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(new StringWriter()));
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    return commandLine.execute(all);
  }

  private Path write(String path, String content) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static void commitAll(Git git, String... patterns) throws Exception {
    for (String pattern : patterns) {
      git.add().addFilepattern(pattern).call();
    }
    git.commit().setMessage("commit").setSign(false).call();
  }

  @Test
  void outsideGitEveryFileCountsAlsoInTargetAndNodeModules() throws Exception {
    write("acme/prod/api/manifest.yml", JAR_APP);
    write("acme/prod/api/target/app.jar", "jar");
    write("acme/prod/web/manifest.yml", "applications:\n- name: web\n  path: node_modules/x\n");
    write("acme/prod/web/node_modules/x/index.js", "js");

    assertThat(validate(repo.toString())).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("source: " + repo.toRealPath() + ": every file (not in a Git work tree)")
        .contains("valid: 0 error(s)");
  }

  @Test
  void aCommittedPathUnderTargetIsFound() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("acme/prod/api/manifest.yml", JAR_APP);
      write("acme/prod/api/target/app.jar", "jar");
      commitAll(git, ".");
    }
    assertThat(validate(repo.resolve("acme").toString())).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("source: Git work tree " + repo.toRealPath() + ": files tracked by Git;")
        .contains("valid: 0 error(s), 0 warning(s)");
  }

  @Test
  void anIgnoredPathIsAnErrorSayingItIsNotCommitted() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(".gitignore", "target/\n*.log\n");
      write("acme/prod/api/manifest.yml", JAR_APP);
      write("acme/prod/web/manifest.yml", "applications:\n- name: web\n  path: debug.log\n");
      commitAll(git, ".");
      write("acme/prod/api/target/app.jar", "jar"); // built locally, ignored
      write("acme/prod/web/debug.log", "log");
    }
    assertThat(validate(repo.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "acme/prod/api/manifest.yml:3:9: error: path 'acme/prod/api/target/app.jar' exists"
                + " but is not committed (ignored by .gitignore): the operator sees only"
                + " committed files")
        .contains(
            "acme/prod/web/manifest.yml:3:9: error: path 'acme/prod/web/debug.log' exists but"
                + " is not committed (ignored by .gitignore)");
  }

  @Test
  void aTrackedFileInAnIgnoredDirectoryIsCommittedAndFound() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("acme/prod/api/manifest.yml", JAR_APP);
      write("acme/prod/api/target/app.jar", "jar");
      commitAll(git, "."); // tracked before the directory was ignored (or added with git add -f)
      write(".gitignore", "target/\n");
      write("acme/prod/api/target/other.jar", "jar"); // ignored
      commitAll(git, ".gitignore");
    }
    assertThat(validate(repo.toString())).as(out.toString()).isZero();
  }

  @Test
  void untrackedFilesAreReadListedAndAPathOnlyTheyMakeIsAWarning() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("foundation.yml", "domains: [apps.example.com]\n");
      commitAll(git, ".");
      // a new app, not committed yet: validate before the commit
      write("acme/prod/api/manifest.yml", JAR_APP);
      write("acme/prod/api/target/app.jar", "jar");
    }
    assertThat(validate(repo.toString())).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "files tracked by Git and 2 untracked (acme/prod/api/manifest.yml,"
                + " acme/prod/api/target/app.jar); ignored files left out")
        .contains(
            "acme/prod/api/manifest.yml:3:9: warning: path 'acme/prod/api/target/app.jar' exists"
                + " but is not committed (untracked): the operator sees only committed files")
        .contains("valid: 0 error(s), 1 warning(s)");

    out.getBuffer().setLength(0);
    assertThat(validate("--output", "json", repo.toString())).isZero();
    JsonNode source = new ObjectMapper().readTree(out.toString()).get("source");
    assertThat(source.get("gitWorkTree").asBoolean()).isTrue();
    assertThat(source.get("untracked")).hasSize(2);
  }

  @Test
  void aTargetInAnIgnoredDirectorySaysItIsNotCommitted() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(".gitignore", "build/\n");
      commitAll(git, ".");
      write("build/generated/acme/prod/api/manifest.yml", "applications:\n- name: api\n");
    }
    assertThat(validate(repo.resolve("build/generated").toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "error: path 'build/generated' exists but is not committed (ignored by .gitignore):"
                + " the operator sees only committed files");
  }

  @Test
  void aFileDeletedSinceItWasCommittedIsNotFound() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("acme/prod/api/manifest.yml", JAR_APP);
      Path jar = write("acme/prod/api/target/app.jar", "jar");
      commitAll(git, ".");
      Files.delete(jar);
    }
    assertThat(validate(repo.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "error: File not found locally, make sure the file exists at given path"
                + " acme/prod/api/target/app.jar");
  }
}
