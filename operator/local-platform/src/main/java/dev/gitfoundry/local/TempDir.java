package dev.gitfoundry.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory that is deleted with everything in it on {@link #close()}. */
public final class TempDir implements AutoCloseable {
  private final Path path;

  private TempDir(Path path) {
    this.path = path;
  }

  public static TempDir create(String prefix) {
    try {
      return new TempDir(Files.createTempDirectory("gitfoundry-" + prefix + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path path() {
    return path;
  }

  public Path resolve(String other) {
    return path.resolve(other);
  }

  @Override
  public void close() {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(TempDir::deleteQuietly);
    } catch (IOException e) {
      System.err.println("[gitfoundry] could not delete " + path + ": " + e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      // Gitea's module-cache templates and git objects are read-only; make them deletable.
      file.toFile().setWritable(true);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A process that is still exiting may hold a file; the rest is deleted anyway.
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
