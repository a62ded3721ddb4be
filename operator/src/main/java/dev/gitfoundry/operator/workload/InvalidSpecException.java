package dev.gitfoundry.operator.workload;

/** The resource asks for something that cannot be done; retrying will not help until it changes. */
public final class InvalidSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public InvalidSpecException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
