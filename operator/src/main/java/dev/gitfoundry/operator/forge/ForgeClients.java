package dev.gitfoundry.operator.forge;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.GitHubForgeClient;
import dev.gitfoundry.gitsync.forge.GiteaForgeClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One forge client per forge and token for the life of the process: a client remembers the last
 * status it posted on each commit and skips posting it again, which only works if it is reused.
 */
public final class ForgeClients {
  /** Sources rarely share a token; a rotated token leaves its old client to age out. */
  private static final int CAPACITY = 256;

  private final Map<String, ForgeClient> clients =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ForgeClient> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The client for the source's forge; the caller has checked that the source has one. */
  public synchronized ForgeClient of(GitSource source, String token) {
    ForgeSpec forge = source.getSpec().getForge();
    String apiUrl =
        forge.getApiUrl() != null
            ? forge.getApiUrl()
            : defaultApiUrl(source.getSpec().getUrl(), forge.getType());
    // The token's hash, not the token, so that a heap dump of the keys shows no secret.
    String key = forge.getType() + " " + apiUrl + " " + Integer.toHexString(token.hashCode());
    return clients.computeIfAbsent(
        key,
        k ->
            forge.getType() == ForgeType.GITHUB
                ? new GitHubForgeClient(apiUrl, token)
                : new GiteaForgeClient(apiUrl, token));
  }

  /**
   * Gitea serves its API under {@code /api/v1} of the same host; GitHub under api.github.com and
   * GitHub Enterprise under {@code /api/v3}.
   */
  public static String defaultApiUrl(String repositoryUrl, ForgeType type) {
    URI uri = URI.create(repositoryUrl);
    if (type == ForgeType.GITHUB) {
      return "github.com".equals(uri.getHost())
          ? "https://api.github.com"
          : uri.getScheme() + "://" + uri.getAuthority() + "/api/v3";
    }
    return uri.getScheme() + "://" + uri.getAuthority() + "/api/v1";
  }
}
