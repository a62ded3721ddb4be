package dev.gitfoundry.operator.cli;

import dev.gitfoundry.compiler.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the tree of a commit ({@code main}, {@code origin/main}, {@code HEAD~1}, a sha) of the
 * repository a work tree belongs to: exactly what the operator would get for that revision.
 */
final class GitRefReader {
  private GitRefReader() {}

  /**
   * @throws IllegalArgumentException when the repository has no such revision
   */
  static SourceTree read(Path workTree, String ref) throws IOException {
    try (Repository repository =
            new FileRepositoryBuilder().findGitDir(workTree.toFile()).setMustExist(true).build();
        RevWalk commits = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(repository)) {
      ObjectId id = repository.resolve(ref + "^{commit}");
      if (id == null) {
        throw new IllegalArgumentException("no revision '" + ref + "' in " + workTree);
      }
      RevCommit commit = commits.parseCommit(id);
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      Map<String, SourceTree.SourceFile> files = new HashMap<>();
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.GITLINK) {
          continue;
        }
        byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes();
        files.put(
            walk.getPathString(),
            mode == FileMode.SYMLINK
                ? SourceTree.SourceFile.symlink(new String(content, StandardCharsets.UTF_8))
                : SourceTree.SourceFile.regular(content));
      }
      return SourceTree.of(files);
    }
  }
}
