package dev.gitfoundry.gitsync;

/** The remote refused the credentials, or the SSH host key is not in known_hosts. */
public final class GitAuthenticationException extends GitSyncException {
  public GitAuthenticationException(String message, Throwable cause) {
    super(ErrorKind.INVALID_INPUT, message, cause);
  }
}
