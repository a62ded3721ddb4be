package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.gitsync.ErrorKind;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * A delivery that could not be completed, classified where it arose: {@code INVALID_INPUT} (the API
 * server refused an object; nothing changes until Git does), {@code WAITING} (something must go
 * first, e.g. a terminating namespace) or {@code TRANSIENT} (retried with backoff).
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The condition reason of a refused or failed apply. */
  public static final String APPLY_FAILED = "ApplyFailed";

  private final ErrorKind kind;
  private final String reason;
  private final transient ObjectRef object;

  public DeliveryException(ErrorKind kind, String reason, ObjectRef object, String message) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.object = object;
  }

  /** A write (or dry-run) of {@code object} that the API server answered with an error. */
  static DeliveryException of(ObjectRef object, KubernetesClientException e, boolean dryRun) {
    ErrorKind kind = kindOf(e);
    String what = kind == ErrorKind.INVALID_INPUT ? "refused by the API server" : "not written";
    return new DeliveryException(
        kind,
        APPLY_FAILED,
        object,
        object + " " + what + (dryRun ? " (dry-run)" : "") + ": " + message(e));
  }

  /**
   * The API's verdict decides: a request it understood and refused (validation, admission, quota,
   * forbidden) will be refused again until Git changes; anything else may pass next time.
   */
  static ErrorKind kindOf(KubernetesClientException e) {
    int code = e.getCode();
    if (code == 400 || code == 403 || code == 404 || code == 409 || code == 422) {
      return ErrorKind.INVALID_INPUT;
    }
    return ErrorKind.TRANSIENT;
  }

  private static String message(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    return e.getCode() <= 0 ? String.valueOf(e.getMessage()) : "HTTP " + e.getCode();
  }

  public ErrorKind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }

  public Optional<ObjectRef> object() {
    return Optional.ofNullable(object);
  }
}
