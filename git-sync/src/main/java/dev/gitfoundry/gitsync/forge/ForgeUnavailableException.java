package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.ErrorKind;

/** No usable answer: connection failure, timeout or a 5xx. Retry later. */
public final class ForgeUnavailableException extends ForgeException {
  public ForgeUnavailableException(int httpStatus, String message, Throwable cause) {
    super(ErrorKind.TRANSIENT, httpStatus, message, cause);
  }
}
