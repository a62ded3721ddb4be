package dev.gitfoundry.gitsync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a snapshot. For a symlink, {@code content} is the link target's bytes (as Git stores
 * it) and {@code symlinkTarget} the same as a string; otherwise {@code symlinkTarget} is null.
 */
public record SnapshotFile(byte[] content, FileKind kind, String symlinkTarget) {
  public SnapshotFile {
    Objects.requireNonNull(kind, "kind");
    content = content.clone();
    if (kind == FileKind.SYMLINK) {
      Objects.requireNonNull(symlinkTarget, "symlinkTarget");
    } else if (symlinkTarget != null) {
      throw new IllegalArgumentException("only symlinks have a target");
    }
  }

  public static SnapshotFile regular(byte[] content) {
    return new SnapshotFile(content, FileKind.REGULAR, null);
  }

  public static SnapshotFile executable(byte[] content) {
    return new SnapshotFile(content, FileKind.EXECUTABLE, null);
  }

  public static SnapshotFile symlink(String target) {
    return new SnapshotFile(target.getBytes(StandardCharsets.UTF_8), FileKind.SYMLINK, target);
  }

  /** A copy: the record stays immutable. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  public String contentAsUtf8() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SnapshotFile that
        && kind == that.kind
        && Arrays.equals(content, that.content)
        && Objects.equals(symlinkTarget, that.symlinkTarget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(content), symlinkTarget);
  }

  @Override
  public String toString() {
    return "SnapshotFile[" + kind + ", " + content.length + " bytes]";
  }
}
