package dev.gitfoundry.gitsync.forge;

import java.util.Map;

/** Gitea (and Forgejo) REST API v1. */
public final class GiteaForgeClient extends RestForgeClient {
  /** Gitea's default {@code MAX_RESPONSE_ITEMS}; larger values are silently capped. */
  static final int PAGE_SIZE = 50;

  /**
   * @param apiBase e.g. {@code http://gitea.example:3000/api/v1}
   */
  public GiteaForgeClient(String apiBase, String token, ForgeClientOptions options) {
    super(apiBase, "token " + token, Map.of(), options);
  }

  public GiteaForgeClient(String apiBase, String token) {
    this(apiBase, token, ForgeClientOptions.DEFAULT);
  }

  @Override
  String pageSizeParameter() {
    return "limit";
  }

  @Override
  int pageSize() {
    return PAGE_SIZE;
  }

  @Override
  public int descriptionLimit() {
    return StatusDescriptions.GITEA_LIMIT;
  }

  @Override
  public String toString() {
    return "GiteaForgeClient";
  }
}
