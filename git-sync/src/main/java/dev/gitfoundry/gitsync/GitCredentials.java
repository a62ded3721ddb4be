package dev.gitfoundry.gitsync;

import java.util.Objects;

/**
 * Credentials for one Git remote, built from the plain strings of a Secret. {@link #toString()}
 * never shows a secret; nothing in git-sync logs the fields.
 */
public final class GitCredentials {
  /** Forges accept a token as the password of any user name; GitHub documents this one. */
  static final String TOKEN_USER_NAME = "x-access-token";

  public enum Kind {
    NONE,
    USERNAME_PASSWORD,
    SSH_KEY
  }

  private static final GitCredentials NONE = new GitCredentials(Kind.NONE, null, null, null);

  private final Kind kind;
  private final String username;
  private final String secret;
  private final String knownHosts;

  private GitCredentials(Kind kind, String username, String secret, String knownHosts) {
    this.kind = kind;
    this.username = username;
    this.secret = secret;
    this.knownHosts = knownHosts;
  }

  public static GitCredentials none() {
    return NONE;
  }

  /** HTTPS with a personal access or installation token. */
  public static GitCredentials token(String token) {
    return usernamePassword(TOKEN_USER_NAME, token);
  }

  public static GitCredentials usernamePassword(String username, String password) {
    requireText(username, "username");
    requireText(password, "password");
    return new GitCredentials(Kind.USERNAME_PASSWORD, username, password, null);
  }

  /**
   * SSH with an OpenSSH or PEM private key (unencrypted, or with {@code passphrase}) and the
   * known_hosts lines the server's key must match: there is no trust on first use.
   */
  public static GitCredentials sshKey(String privateKey, String passphrase, String knownHosts) {
    requireText(privateKey, "SSH private key");
    requireText(knownHosts, "known_hosts");
    return new GitCredentials(Kind.SSH_KEY, passphrase, privateKey, knownHosts);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }

  public Kind kind() {
    return kind;
  }

  String username() {
    return username;
  }

  String password() {
    return secret;
  }

  String privateKey() {
    return secret;
  }

  String passphrase() {
    return username;
  }

  String knownHosts() {
    return knownHosts;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GitCredentials that
        && kind == that.kind
        && Objects.equals(username, that.username)
        && Objects.equals(secret, that.secret)
        && Objects.equals(knownHosts, that.knownHosts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, username, secret, knownHosts);
  }

  @Override
  public String toString() {
    return "GitCredentials[" + kind + "]";
  }
}
