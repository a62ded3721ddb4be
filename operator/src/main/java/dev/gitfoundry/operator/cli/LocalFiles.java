package dev.gitfoundry.operator.cli;

import dev.gitfoundry.compiler.SourceTree;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Files on disk as the compiler reads them. Only YAML files are read; the others (an app's bits)
 * only need to exist, so they are empty here.
 */
final class LocalFiles {
  private LocalFiles() {}

  /** Every file under {@code root}, no directory skipped: what a plain directory holds. */
  static SourceTree readAll(Path root) throws IOException {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            files.put(root.relativize(file).toString().replace('\\', '/'), read(file));
            return FileVisitResult.CONTINUE;
          }
        });
    return SourceTree.of(files);
  }

  static SourceTree.SourceFile read(Path file) throws IOException {
    if (Files.isSymbolicLink(file)) {
      return SourceTree.SourceFile.symlink(Files.readSymbolicLink(file).toString());
    }
    String name = file.getFileName().toString();
    boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
    return SourceTree.SourceFile.regular(
        yaml && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            ? Files.readAllBytes(file)
            : new byte[0]);
  }
}
