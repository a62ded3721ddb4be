package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.SourceTree;
import java.util.ArrayDeque;
import java.util.Deque;

/** Resolves relative paths and symlinks inside the repository, refusing to leave it. */
final class RepositoryPaths {
  private static final int MAX_LINKS = 16;

  /** Thrown when a path would leave the repository or loops. */
  static final class EscapeException extends Exception {
    EscapeException(String message) {
      super(message);
    }
  }

  private RepositoryPaths() {}

  /** Joins {@code relative} to {@code dir} and normalises; null when it climbs above the root. */
  static String join(String dir, String relative) {
    Deque<String> parts = new ArrayDeque<>();
    String combined =
        relative.startsWith("/") ? relative : (dir.isEmpty() ? "" : dir + "/") + relative;
    for (String part : combined.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** Follows symlinks on every component of {@code path}; the result is a real repository path. */
  static String resolve(SourceTree tree, String path) throws EscapeException {
    String current = path;
    for (int hops = 0; hops < MAX_LINKS; hops++) {
      String link = firstSymlink(tree, current);
      if (link == null) {
        return current;
      }
      String target = tree.get(link).symlinkTarget();
      if (target.startsWith("/")) {
        throw new EscapeException(
            "symlink '" + link + "' points outside the repository (" + target + ")");
      }
      String resolved = join(RepositoryLayout.parentOf(link), target);
      if (resolved == null) {
        throw new EscapeException(
            "symlink '" + link + "' points outside the repository (" + target + ")");
      }
      current = resolved + current.substring(link.length());
    }
    throw new EscapeException("too many symlinks resolving '" + path + "'");
  }

  private static String firstSymlink(SourceTree tree, String path) {
    int index = 0;
    while (index >= 0) {
      index = path.indexOf('/', index + 1);
      String prefix = index < 0 ? path : path.substring(0, index);
      SourceTree.SourceFile file = tree.get(prefix);
      if (file != null && file.isSymlink()) {
        return prefix;
      }
    }
    return null;
  }
}
