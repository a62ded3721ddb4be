package dev.gitfoundry.compiler;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The compiler's input: a repository snapshot as paths ({@code /}-separated, relative to the
 * repository root) to files. Directories are implied by the paths.
 */
public record SourceTree(NavigableMap<String, SourceFile> files) {

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
  }

  public static SourceTree of(Map<String, SourceFile> files) {
    return new SourceTree(new TreeMap<>(files));
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
}
