package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.ErrorKind;

/** The forge refused the request's content (400, 409, 422…): retrying the same call is futile. */
public final class ForgeRequestRejectedException extends ForgeException {
  public ForgeRequestRejectedException(int httpStatus, String message) {
    super(ErrorKind.INVALID_INPUT, httpStatus, message, null);
  }
}
