package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.ErrorKind;
import java.time.Instant;

/** Rate-limited for longer than the client may wait, or for too many attempts. */
public final class ForgeRateLimitedException extends ForgeException {
  private final Instant retryAt;

  public ForgeRateLimitedException(int httpStatus, String message, Instant retryAt) {
    super(ErrorKind.WAITING, httpStatus, message, null);
    this.retryAt = retryAt;
  }

  /** When the forge said the window reopens. */
  public Instant retryAt() {
    return retryAt;
  }
}
