package dev.gitfoundry.gitsync;

/** The source cannot work as configured: malformed URL, unusable key, missing known_hosts. */
public final class InvalidSourceException extends GitSyncException {
  public InvalidSourceException(String message) {
    super(ErrorKind.INVALID_INPUT, message);
  }

  public InvalidSourceException(String message, Throwable cause) {
    super(ErrorKind.INVALID_INPUT, message, cause);
  }
}
