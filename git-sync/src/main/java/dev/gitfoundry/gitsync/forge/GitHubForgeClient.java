package dev.gitfoundry.gitsync.forge;

import java.util.Map;

/** GitHub REST API (github.com or GitHub Enterprise Server's {@code /api/v3}). */
public final class GitHubForgeClient extends RestForgeClient {
  public static final String PUBLIC_API = "https://api.github.com";
  static final int PAGE_SIZE = 100;

  public GitHubForgeClient(String apiBase, String token, ForgeClientOptions options) {
    super(apiBase, "Bearer " + token, Map.of("X-GitHub-Api-Version", "2022-11-28"), options);
  }

  public GitHubForgeClient(String apiBase, String token) {
    this(apiBase, token, ForgeClientOptions.DEFAULT);
  }

  @Override
  String pageSizeParameter() {
    return "per_page";
  }

  @Override
  int pageSize() {
    return PAGE_SIZE;
  }

  @Override
  public int descriptionLimit() {
    return StatusDescriptions.GITHUB_LIMIT;
  }

  @Override
  public String toString() {
    return "GitHubForgeClient";
  }
}
