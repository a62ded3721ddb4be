package dev.gitfoundry.gitsync.webhook;

import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.GitSyncException;

/** A webhook body that is not the JSON the forge documents. */
public final class InvalidPayloadException extends GitSyncException {
  public InvalidPayloadException(String message, Throwable cause) {
    super(ErrorKind.INVALID_INPUT, message, cause);
  }
}
