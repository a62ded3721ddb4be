package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.CommitStatus;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.gitsync.forge.GitHubForgeClient;
import dev.gitfoundry.gitsync.forge.GiteaForgeClient;
import dev.gitfoundry.gitsync.forge.PullRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forge side of previews: listing open pull requests and posting the {@code gitfoundry/preview}
 * status on their head commits. One client per source and token, so the client's memory of what it
 * posted skips duplicates.
 */
final class PreviewCommitStatuses {
  static final String CONTEXT = "gitfoundry/preview";

  private final PreviewSecrets secrets;
  private final Map<String, ForgeClient> clients = new ConcurrentHashMap<>();

  PreviewCommitStatuses(PreviewSecrets secrets) {
    this.secrets = secrets;
  }

  /** False when the source has no forge: previews need one to list pull requests. */
  static boolean hasForge(GitSource source) {
    ForgeSpec forge = source.getSpec().getForge();
    return forge != null && forge.getType() != null && forge.getType() != ForgeType.NONE;
  }

  List<PullRequest> openPullRequests(GitSource source) throws ForgeException, PreviewException {
    return client(source).listOpenPullRequests(repository(source));
  }

  void post(GitSource source, String sha, CommitState state, String description, String url)
      throws ForgeException, PreviewException {
    client(source)
        .postStatus(repository(source), sha, new CommitStatus(state, CONTEXT, description, url));
  }

  private static ForgeRepository repository(GitSource source) {
    return ForgeRepository.fromUrl(source.getSpec().getUrl());
  }

  private ForgeClient client(GitSource source) throws PreviewException {
    ForgeSpec forge = source.getSpec().getForge();
    String token =
        secrets.value(source.getMetadata().getNamespace(), forge.getTokenSecretRef(), "token");
    String apiUrl =
        forge.getApiUrl() != null
            ? forge.getApiUrl()
            : defaultApiUrl(source.getSpec().getUrl(), forge.getType());
    String key =
        forge.getType()
            + " "
            + apiUrl
            + " "
            + Integer.toHexString(String.valueOf(token).hashCode());
    return clients.computeIfAbsent(
        key,
        k ->
            forge.getType() == ForgeType.GITHUB
                ? new GitHubForgeClient(apiUrl, token)
                : new GiteaForgeClient(apiUrl, token));
  }

  /**
   * Gitea serves its API under {@code /api/v1} of the same host; GitHub Enterprise under /api/v3.
   */
  private static String defaultApiUrl(String repositoryUrl, ForgeType type) {
    URI uri = URI.create(repositoryUrl);
    if (type == ForgeType.GITHUB) {
      return "github.com".equals(uri.getHost())
          ? "https://api." + uri.getHost()
          : uri.getScheme() + "://" + uri.getAuthority() + "/api/v3";
    }
    return uri.getScheme() + "://" + uri.getAuthority() + "/api/v1";
  }
}
