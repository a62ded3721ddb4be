package dev.gitfoundry.operator.preview;

import dev.gitfoundry.gitsync.ErrorKind;

/**
 * A preview could not be built. The kind, not the message, decides what happens: {@code TRANSIENT}
 * and {@code WAITING} are retried by the next event or safety poll; {@code INVALID_INPUT} waits for
 * the user to change something.
 */
final class PreviewException extends Exception {
  private final ErrorKind kind;

  PreviewException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  PreviewException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  ErrorKind kind() {
    return kind;
  }
}
