package dev.gitfoundry.gitsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A git CLI working copy that pushes straight to a bare repository on disk (not over HTTP). */
final class WorkingCopy {
  private final Path directory;
  private final Path bare;

  private WorkingCopy(Path directory, Path bare) {
    this.directory = directory;
    this.bare = bare;
  }

  /** A new bare repository {@code <root>/<name>.git} and a working copy of it. */
  static WorkingCopy create(Path root, String name) throws IOException {
    Path bare = root.resolve(name + ".git");
    Path work = Files.createTempDirectory("work-" + name);
    git(root, "init", "-q", "--bare", "-b", "main", bare.toString());
    WorkingCopy copy = new WorkingCopy(work, bare);
    copy.git("init", "-q", "-b", "main");
    return copy;
  }

  /** A clone of a remote; {@link #push} then goes back to that remote. */
  static WorkingCopy cloneOf(String url) throws IOException {
    Path work = Files.createTempDirectory("clone");
    git(work, "clone", "-q", url, ".");
    return new WorkingCopy(work, null);
  }

  Path bare() {
    return bare;
  }

  Path directory() {
    return directory;
  }

  WorkingCopy write(String path, String content) throws IOException {
    Path file = directory.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  String commit(String message) {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  void push(String branch) {
    git("push", "-q", "--force", remote(), "HEAD:refs/heads/" + branch);
  }

  private String remote() {
    return bare == null ? "origin" : bare.toString();
  }

  String git(String... arguments) {
    return git(directory, arguments);
  }

  static String git(Path directory, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Tester"));
    command.addAll(
        List.of("-c", "user.email=tester@example.com", "-c", "protocol.file.allow=always"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
