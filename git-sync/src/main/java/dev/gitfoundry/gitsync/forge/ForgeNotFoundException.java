package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.ErrorKind;

/** The repository, commit or endpoint does not exist, or is hidden from this token (HTTP 404). */
public final class ForgeNotFoundException extends ForgeException {
  public ForgeNotFoundException(String message) {
    super(ErrorKind.INVALID_INPUT, 404, message, null);
  }
}
