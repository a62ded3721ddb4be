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
 * Reads a directory on disk into the compiler's {@link SourceTree}. The root is the enclosing Git
 * work tree when there is one (so {@code path: ../lib} works as in a checkout), else the target
 * itself (or a manifest's directory). Only YAML files are read; other files only need to exist.
 */
record LocalRepository(Path root, SourceTree tree, String relativeTarget) {

  static LocalRepository open(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("no such file or directory: " + target);
    }
    Path start = Files.isDirectory(absolute) ? absolute : absolute.getParent();
    Path root = gitRoot(start);
    if (root == null) {
      root = start;
    }
    String relative = root.relativize(absolute).toString().replace('\\', '/');
    return new LocalRepository(root, read(root), relative);
  }

  /** Where a repository-relative path in a diagnostic is, as the user would type it. */
  String display(Path cwd, String repositoryPath) {
    if (repositoryPath == null || repositoryPath.isEmpty()) {
      return cwd.relativize(root).toString();
    }
    Path file = root.resolve(repositoryPath);
    Path relative = cwd.toAbsolutePath().relativize(file);
    return relative.toString().startsWith("..") ? file.toString() : relative.toString();
  }

  private static Path gitRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return null;
  }

  private static SourceTree read(Path root) throws IOException {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            return !dir.equals(root)
                    && (name.equals(".git") || name.equals("target") || name.equals("node_modules"))
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (attrs.isSymbolicLink()) {
              files.put(
                  relative, SourceTree.SourceFile.symlink(Files.readSymbolicLink(file).toString()));
            } else if (isYaml(relative)) {
              files.put(relative, SourceTree.SourceFile.regular(Files.readAllBytes(file)));
            } else {
              files.put(relative, SourceTree.SourceFile.regular(new byte[0]));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return SourceTree.of(files);
  }

  private static boolean isYaml(String path) {
    return path.endsWith(".yml") || path.endsWith(".yaml");
  }
}
