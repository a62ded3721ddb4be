package dev.gitfoundry.gitsync;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The files of one commit under the source's paths. Keys are repository-relative paths with '/'
 * separators (not relative to the configured path), so diagnostics and build sub-paths can name
 * files exactly as they appear in the repository.
 *
 * @param revision {@code <branch>@sha1:<sha>}, the form kept in GitSource status
 * @param warnings things left out, e.g. submodules, for the source's status
 * @param commit author, time and subject of the commit
 */
public record Snapshot(
    String revision,
    String sha,
    Map<String, SnapshotFile> files,
    List<String> warnings,
    CommitInfo commit) {
  public Snapshot {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(sha, "sha");
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    warnings = List.copyOf(warnings);
    commit = commit == null ? CommitInfo.unknown(sha) : commit;
  }

  public Snapshot(String revision, String sha, Map<String, SnapshotFile> files) {
    this(revision, sha, files, List.of(), null);
  }

  public static String revisionOf(String branch, String sha) {
    return branch + "@sha1:" + sha;
  }

  @Override
  public String toString() {
    return "Snapshot["
        + revision
        + ", "
        + files.size()
        + " files, "
        + warnings.size()
        + " warnings]";
  }
}
