package dev.gitfoundry.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A clone of a repository on a forge, driven with the real {@code git}: write files, commit, push.
 * What a developer does before Gitfoundry sees anything.
 */
public final class GitWorkingCopy implements AutoCloseable {
  private static final Duration GIT_TIMEOUT = Duration.ofMinutes(2);
  private static final Map<String, String> IDENTITY =
      Map.of(
          "GIT_AUTHOR_NAME", "Gitfoundry Demo",
          "GIT_AUTHOR_EMAIL", "demo@example.com",
          "GIT_COMMITTER_NAME", "Gitfoundry Demo",
          "GIT_COMMITTER_EMAIL", "demo@example.com",
          "GIT_TERMINAL_PROMPT", "0");

  private final Path dir;

  private GitWorkingCopy(Path dir) {
    this.dir = dir;
  }

  /** Clones {@code repo} ({@code owner/name}) with the admin's credentials. */
  public static GitWorkingCopy clone(LocalGitea gitea, String repo) {
    return clone(gitea.authenticatedCloneUrl(repo));
  }

  /** Clones the {@code main} branch of {@code url}, which carries any credentials needed. */
  public static GitWorkingCopy clone(String url) {
    try {
      Path dir = Files.createTempDirectory("gitfoundry-clone-");
      git(dir.getParent(), "clone", "--quiet", "--branch", "main", url, dir.toString());
      return new GitWorkingCopy(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the working tree (except {@code .git}) with a copy of {@code source}. */
  public GitWorkingCopy replaceWith(Path source) {
    try (Stream<Path> existing = Files.list(dir)) {
      for (Path path : existing.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
        delete(path);
      }
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = dir.resolve(source.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public GitWorkingCopy write(String path, String content) {
    try {
      Path target = dir.resolve(path);
      Files.createDirectories(target.getParent());
      Files.writeString(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public GitWorkingCopy remove(String path) {
    delete(dir.resolve(path));
    return this;
  }

  /** Commits everything and pushes to {@code main}; returns the new commit's SHA. */
  public String commitAndPush(String message) {
    git(dir, "add", "--all");
    git(dir, "commit", "--quiet", "--allow-empty", "-m", message);
    git(dir, "push", "--quiet", "origin", "main");
    return git(dir, "rev-parse", "HEAD").strip();
  }

  private static String git(Path workingDir, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(arguments));
    return Command.run(command, IDENTITY, workingDir, GIT_TIMEOUT)
        .orThrow("git " + arguments[0])
        .stdout();
  }

  private static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    delete(dir);
  }
}
