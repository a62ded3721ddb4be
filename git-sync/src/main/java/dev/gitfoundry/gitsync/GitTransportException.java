package dev.gitfoundry.gitsync;

/** The remote was unreachable, timed out or broke the protocol; worth retrying later. */
public final class GitTransportException extends GitSyncException {
  public GitTransportException(String message, Throwable cause) {
    super(ErrorKind.TRANSIENT, message, cause);
  }
}
