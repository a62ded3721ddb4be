package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.CommitStatus;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.gitsync.forge.PullRequest;
import dev.gitfoundry.operator.forge.ForgeClients;
import java.util.List;

/**
 * The forge side of previews: listing open pull requests and posting the {@code gitfoundry/preview}
 * status on their head commits.
 */
final class PreviewCommitStatuses {
  static final String CONTEXT = "gitfoundry/preview";

  private final PreviewSecrets secrets;
  private final ForgeClients clients = new ForgeClients();

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
    return clients.of(source, String.valueOf(token));
  }
}
