package dev.gitfoundry.gitsync;

/**
 * How a caller should react to a failure. Every exception of this module carries exactly one kind,
 * decided where the failure is detected, so callers never inspect messages.
 */
public enum ErrorKind {
  /** Retry with backoff: the network, the server or a timeout failed. */
  TRANSIENT,
  /** Nothing to do until something outside changes (a branch reappears, a rate limit resets). */
  WAITING,
  /** The configuration is wrong (credentials, URL, known_hosts); retrying will not help. */
  INVALID_INPUT
}
