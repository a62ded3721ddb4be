package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.GitSyncException;

/** A forge API call failed; subclasses say why. Messages hold method and path, never tokens. */
public class ForgeException extends GitSyncException {
  private final int httpStatus;

  public ForgeException(ErrorKind kind, int httpStatus, String message, Throwable cause) {
    super(kind, message, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }
}
