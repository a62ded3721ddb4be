package dev.gitfoundry.compiler;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The compiler's input: a repository snapshot as paths ({@code /}-separated, relative to the
 * repository root) to files. Directories are implied by the paths.
 *
 * <p>{@code notCommitted} is empty for a commit (what the operator compiles). A Git work tree read
 * for {@code gitfoundry validate} lists there the paths a commit would not hold, each with the
 * reason: ignored ones (files or whole directories, absent from {@code files}) and untracked ones
 * (present in {@code files}, so new manifests are checked before they are committed). It lets a
 * {@code path:} that exists on disk say why the operator will not see it.
 */
public record SourceTree(
    NavigableMap<String, SourceFile> files, NavigableMap<String, String> notCommitted) {
  /** Reason of an ignored path in {@link #notCommitted()}. */
  public static final String IGNORED = "ignored by .gitignore";

  /** Reason of an untracked (neither committed nor ignored) path in {@link #notCommitted()}. */
  public static final String UNTRACKED = "untracked";

  /** A regular file's bytes, or a symbolic link's target (then {@code content} is empty). */
  public record SourceFile(byte[] content, String symlinkTarget) {
    public static SourceFile regular(byte[] content) {
      return new SourceFile(content, null);
    }

    public static SourceFile symlink(String target) {
      return new SourceFile(new byte[0], target);
    }

    public boolean isSymlink() {
      return symlinkTarget != null;
    }
  }

  public SourceTree {
    files = Collections.unmodifiableNavigableMap(new TreeMap<>(files));
    notCommitted = Collections.unmodifiableNavigableMap(new TreeMap<>(notCommitted));
  }

  public SourceTree(NavigableMap<String, SourceFile> files) {
    this(files, new TreeMap<>());
  }

  public static SourceTree of(Map<String, SourceFile> files) {
    return new SourceTree(new TreeMap<>(files));
  }

  /** A work tree: {@code files} as on disk, {@code notCommitted} as described on the type. */
  public static SourceTree workTree(
      Map<String, SourceFile> files, Map<String, String> notCommitted) {
    return new SourceTree(new TreeMap<>(files), new TreeMap<>(notCommitted));
  }

  public SourceFile get(String path) {
    return files.get(path);
  }

  /** True when {@code path} is a file or a directory (a prefix of some file's path). */
  public boolean exists(String path) {
    if (path.isEmpty() || files.containsKey(path)) {
      return true;
    }
    String prefix = path + "/";
    String next = files.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  /**
   * Why {@code path} would not be in a commit: the reason recorded for it or for a directory
   * holding it, or, for a directory, the reason of what it holds when none of that is committed.
   * Null when it is committed, or when nothing is known about it.
   */
  public String whyNotCommitted(String path) {
    for (String prefix = path; !prefix.isEmpty(); prefix = parentOf(prefix)) {
      String reason = notCommitted.get(prefix);
      if (reason != null) {
        return reason;
      }
    }
    String directory = path + "/";
    String reason = null;
    for (String file : under(files, directory).keySet()) {
      reason = notCommitted.get(file);
      if (reason == null) {
        return null; // one committed file is enough for the directory to reach the operator
      }
    }
    if (reason == null) {
      reason = under(notCommitted, directory).values().stream().findFirst().orElse(null);
    }
    return reason;
  }

  private static <V> NavigableMap<String, V> under(NavigableMap<String, V> map, String directory) {
    // '/' + 1 is '0': every key starting with "dir/" sorts before "dir0"
    return map.subMap(directory, true, directory.substring(0, directory.length() - 1) + '0', false);
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
