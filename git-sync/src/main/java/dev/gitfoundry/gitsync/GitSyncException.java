package dev.gitfoundry.gitsync;

import java.util.Objects;

/** Base of every failure of git-sync; messages never contain credentials. */
public class GitSyncException extends Exception {
  private final ErrorKind kind;

  public GitSyncException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind);
  }

  public GitSyncException(ErrorKind kind, String message) {
    this(kind, message, null);
  }

  public ErrorKind kind() {
    return kind;
  }
}
