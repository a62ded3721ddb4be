package dev.gitfoundry.compiler.examples;

import dev.gitfoundry.compiler.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Test input from disk: a directory read into a {@link SourceTree}. */
final class DirectoryTree {
  private DirectoryTree() {}

  static SourceTree read(Path root) {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(p -> !Files.isDirectory(p)).toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        files.put(
            relative,
            Files.isSymbolicLink(path)
                ? SourceTree.SourceFile.symlink(Files.readSymbolicLink(path).toString())
                : SourceTree.SourceFile.regular(Files.readAllBytes(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SourceTree.of(files);
  }

  /** The project root: the directory with {@code examples/repos}, found upwards from here. */
  static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples/repos"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "examples/repos not found above " + Path.of("").toAbsolutePath());
  }
}
