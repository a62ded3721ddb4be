package dev.gitfoundry.operator.cli;

import dev.gitfoundry.compiler.SourceTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Reads a Git work tree the way a commit made now would hold it: the files Git tracks (as they are
 * on disk) and the untracked files that are not ignored, so new manifests are checked before they
 * are committed. Ignored files and directories are not read, only listed, so a {@code path:} naming
 * one can say why the operator will not see it. Nested repositories and submodules are left out, as
 * a commit of this repository holds only a link to them.
 */
final class GitWorkTreeReader {
  private GitWorkTreeReader() {}

  /** The work tree holding {@code directory}, if it is in one (a bare repository is not). */
  static Optional<Path> workTreeOf(Path directory) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(directory.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository repository = builder.build()) {
      return repository.isBare()
          ? Optional.empty()
          : Optional.of(repository.getWorkTree().toPath().toAbsolutePath().normalize());
    }
  }

  static SourceTree read(Path workTree) throws IOException {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    Map<String, String> notCommitted = new HashMap<>();
    try (Repository repository =
            new FileRepositoryBuilder().findGitDir(workTree.toFile()).setMustExist(true).build();
        TreeWalk walk = new TreeWalk(repository)) {
      int index = walk.addTree(new DirCacheIterator(repository.readDirCache()));
      FileTreeIterator workTreeFiles = new FileTreeIterator(repository);
      // else an ignored directory looks empty, hiding files tracked in it; this walk enters
      // only the ignored directories that hold tracked files
      workTreeFiles.setWalkIgnoredDirectories(true);
      int disk = walk.addTree(workTreeFiles);
      while (walk.next()) {
        WorkingTreeIterator onDisk = walk.getTree(disk, WorkingTreeIterator.class);
        if (onDisk == null || onDisk.getEntryFileMode() == FileMode.GITLINK) {
          continue; // deleted since it was staged, or another repository
        }
        String path = walk.getPathString();
        boolean tracked = walk.getTree(index, DirCacheIterator.class) != null;
        if (!tracked && onDisk.isEntryIgnored()) {
          notCommitted.put(path, SourceTree.IGNORED); // a directory is listed, not entered
        } else if (walk.isSubtree()) {
          walk.enterSubtree();
        } else {
          if (!tracked) {
            notCommitted.put(path, SourceTree.UNTRACKED);
          }
          files.put(path, LocalFiles.read(workTree.resolve(path)));
        }
      }
    }
    return SourceTree.workTree(files, notCommitted);
  }
}
