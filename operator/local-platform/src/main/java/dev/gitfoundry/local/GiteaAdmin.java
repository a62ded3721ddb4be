package dev.gitfoundry.local;

import java.util.List;

/**
 * The admin user and its API token, made with Gitea's own CLI (on the machine for a process, inside
 * the container for a container): no install page, no password ever typed.
 */
public final class GiteaAdmin {
  public static final String USER = "gitfoundry";
  public static final String PASSWORD = "gitfoundry-Passw0rd";

  private GiteaAdmin() {}

  /** Arguments after {@code gitea [global flags]} that create the admin user. */
  public static List<String> createUser() {
    return List.of(
        "admin",
        "user",
        "create",
        "--admin",
        "--username",
        USER,
        "--password",
        PASSWORD,
        "--email",
        USER + "@example.com",
        "--must-change-password=false");
  }

  /** Arguments after {@code gitea [global flags]} that print a new all-scopes token. */
  public static List<String> generateToken() {
    return List.of(
        "admin",
        "user",
        "generate-access-token",
        "--username",
        USER,
        "--token-name",
        "gitfoundry",
        "--scopes",
        "all",
        "--raw");
  }

  /** The token in what {@link #generateToken()} printed (as root Gitea warns first). */
  public static String token(String stdout) {
    return stdout
        .lines()
        .filter(line -> line.matches("[0-9a-f]{40}"))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new IllegalStateException("gitea printed no access token:\n" + stdout));
  }
}
