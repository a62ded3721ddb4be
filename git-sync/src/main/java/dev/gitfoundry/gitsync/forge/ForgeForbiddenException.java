package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.ErrorKind;

/** The token lacks a permission or scope for this call (HTTP 403, not a rate limit). */
public final class ForgeForbiddenException extends ForgeException {
  public ForgeForbiddenException(String message) {
    super(ErrorKind.INVALID_INPUT, 403, message, null);
  }
}
