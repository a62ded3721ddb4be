package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.ErrorKind;

/** The token is missing, wrong or expired (HTTP 401). */
public final class ForgeUnauthorizedException extends ForgeException {
  public ForgeUnauthorizedException(String message) {
    super(ErrorKind.INVALID_INPUT, 401, message, null);
  }
}
