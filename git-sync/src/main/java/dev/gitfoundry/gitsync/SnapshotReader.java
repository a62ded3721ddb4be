package dev.gitfoundry.gitsync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Reads the tree of one commit into a {@link Snapshot}: raw blobs (no smudge filters, so LFS
 * pointers stay pointers), modes and symlink targets; submodules become warnings.
 */
final class SnapshotReader {
  /** Manifests are small; a huge blob is almost certainly an artifact nobody should load. */
  static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

  private final Repository repository;
  private final RepositorySource source;

  SnapshotReader(Repository repository, RepositorySource source) {
    this.repository = repository;
    this.source = source;
  }

  Snapshot read(ObjectId commitId) throws IOException {
    Map<String, SnapshotFile> files = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    Set<String> pathsSeen = new HashSet<>();
    CommitInfo info;
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository);
        ObjectReader reader = repository.newObjectReader()) {
      RevCommit commit = walk.parseCommit(commitId);
      info = commitInfo(commit);
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      if (!source.paths().isEmpty()) {
        tree.setFilter(PathFilterGroup.createFromStrings(source.paths()));
      }
      while (tree.next()) {
        String path = tree.getPathString();
        markSeen(path, pathsSeen);
        FileMode mode = tree.getFileMode(0);
        ObjectId blob = tree.getObjectId(0);
        if (mode == FileMode.GITLINK) {
          warnings.add("submodule " + path + " (" + blob.name() + ") ignored");
          continue;
        }
        byte[] content;
        try {
          content = reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(MAX_FILE_BYTES);
        } catch (LargeObjectException e) {
          warnings.add(path + " skipped: larger than " + MAX_FILE_BYTES + " bytes");
          continue;
        }
        files.put(path, toFile(mode, content));
      }
    }
    for (String path : source.paths()) {
      if (!pathsSeen.contains(path)) {
        warnings.add("path " + path + " does not exist in this commit");
      }
    }
    return new Snapshot(
        Snapshot.revisionOf(source.branch(), commitId.name()),
        commitId.name(),
        files,
        warnings,
        info);
  }

  private static CommitInfo commitInfo(RevCommit commit) {
    PersonIdent author = commit.getAuthorIdent();
    return new CommitInfo(
        commit.getName(),
        commit.getShortMessage(),
        author == null ? null : author.getName(),
        author == null ? null : author.getEmailAddress(),
        author == null ? Instant.ofEpochSecond(commit.getCommitTime()) : author.getWhenAsInstant());
  }

  private static SnapshotFile toFile(FileMode mode, byte[] content) {
    if (mode == FileMode.SYMLINK) {
      return SnapshotFile.symlink(new String(content, StandardCharsets.UTF_8));
    }
    if (mode == FileMode.EXECUTABLE_FILE) {
      return SnapshotFile.executable(content);
    }
    return SnapshotFile.regular(content);
  }

  private void markSeen(String path, Set<String> pathsSeen) {
    for (String configured : source.paths()) {
      if (path.equals(configured) || path.startsWith(configured + "/")) {
        pathsSeen.add(configured);
      }
    }
  }
}
