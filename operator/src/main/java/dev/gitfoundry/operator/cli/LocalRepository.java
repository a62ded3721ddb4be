package dev.gitfoundry.operator.cli;

import dev.gitfoundry.compiler.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a directory on disk into the compiler's {@link SourceTree}, as the operator would get it
 * from Git. Inside a Git work tree the root is the work tree (so {@code path: ../lib} works as in a
 * checkout) and the files are those Git tracks plus the untracked ones that are not ignored ({@link
 * GitWorkTreeReader}); elsewhere the root is the target itself (or a manifest's directory) and
 * every file counts. No directory is skipped by name.
 */
record LocalRepository(Path root, SourceTree tree, String relativeTarget, boolean gitWorkTree) {

  static LocalRepository open(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("no such file or directory: " + target);
    }
    Path start = Files.isDirectory(absolute) ? absolute : absolute.getParent();
    Optional<Path> workTree = GitWorkTreeReader.workTreeOf(start);
    Path root = workTree.orElse(start);
    String relative = root.relativize(absolute).toString().replace('\\', '/');
    SourceTree tree =
        workTree.isPresent() ? GitWorkTreeReader.read(root) : LocalFiles.readAll(root);
    return new LocalRepository(root, tree, relative, workTree.isPresent());
  }

  /**
   * The same target as committed at {@code ref}; only a target inside a Git work tree has
   * revisions.
   */
  LocalRepository atRevision(String ref) throws IOException {
    if (!gitWorkTree) {
      throw new IllegalArgumentException(
          root
              + " is not in a Git work tree: compare it with a directory instead of '"
              + ref
              + "'");
    }
    return new LocalRepository(root, GitRefReader.read(root, ref), relativeTarget, true);
  }

  /** Untracked (and not ignored) files read at or under the target: no commit holds them yet. */
  List<String> untracked() {
    return tree.notCommitted().entrySet().stream()
        .filter(e -> e.getValue().equals(SourceTree.UNTRACKED))
        .map(e -> e.getKey())
        .filter(
            path ->
                relativeTarget.isEmpty()
                    || path.equals(relativeTarget)
                    || path.startsWith(relativeTarget + "/"))
        .toList();
  }

  /** Where a repository-relative path in a diagnostic is, as the user would type it. */
  String display(Path cwd, String repositoryPath) {
    if (repositoryPath == null || repositoryPath.isEmpty()) {
      return cwd.toAbsolutePath().relativize(root).toString();
    }
    Path file = root.resolve(repositoryPath);
    Path relative = cwd.toAbsolutePath().relativize(file);
    return relative.toString().startsWith("..") ? file.toString() : relative.toString();
  }
}
