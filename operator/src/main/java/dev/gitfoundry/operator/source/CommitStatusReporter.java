package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.CommitStatus;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.operator.forge.ForgeClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the aggregate commit status of a source. What was posted is kept in the GitSource status
 * (not in memory), so posting is idempotent across restarts: the same state and description for the
 * same commit are never posted twice.
 */
final class CommitStatusReporter {
  private static final Logger LOG = LoggerFactory.getLogger(CommitStatusReporter.class);
  static final String DEFAULT_CONTEXT = "gitfoundry";
  private static final int REMEMBERED = 20;

  private static final int CHECKED_COMMITS = 1000;

  private final SourceSecrets secrets;
  private final URI publicBaseUrl;
  private final ForgeClients clients = new ForgeClients();
  private final Set<String> checkedWithForge =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > CHECKED_COMMITS;
                }
              }));

  CommitStatusReporter(SourceSecrets secrets, URI publicBaseUrl) {
    this.secrets = secrets;
    this.publicBaseUrl = publicBaseUrl;
  }

  /**
   * Posts unless the status already records exactly this; returns false when no forge is
   * configured.
   */
  boolean post(GitSource source, String sha, CommitState state, String description)
      throws ForgeException, SourceSecrets.MissingSecretException {
    ForgeSpec forge = source.getSpec().getForge();
    if (forge == null || forge.getType() == null || forge.getType() == ForgeType.NONE) {
      return false;
    }
    String context = forge.getStatusContext() == null ? DEFAULT_CONTEXT : forge.getStatusContext();
    String stateName = state.name().toLowerCase(Locale.ROOT);
    GitSourceStatus status = source.getStatus();
    List<PostedCommitStatus> posted =
        status.getCommitStatuses() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getCommitStatuses());
    boolean already =
        posted.stream()
            .anyMatch(
                p ->
                    sha.equals(p.getSha())
                        && context.equals(p.getContext())
                        && stateName.equals(p.getState())
                        && Objects.equals(description, p.getDescription()));
    if (already) {
      return true;
    }
    String targetUrl = statusPage(source, sha);
    ForgeClient client = client(source, forge);
    ForgeRepository repository = ForgeRepository.fromUrl(source.getSpec().getUrl());
    String commit = source.getMetadata().getUid() + "/" + sha;
    if (!checkedWithForge.contains(commit)) {
      // A process killed between posting and recording left the forge ahead of the record: read
      // the forge once per commit and process, and the client skips a post it already shows.
      client.latestStatus(repository, sha, context);
      checkedWithForge.add(commit);
    }
    if (client.postStatus(
        repository, sha, new CommitStatus(state, context, description, targetUrl))) {
      LOG.atInfo()
          .addKeyValue(
              "source", source.getMetadata().getNamespace() + "/" + source.getMetadata().getName())
          .addKeyValue("sha", sha)
          .addKeyValue("state", stateName)
          .log("commit status posted: {}", description);
    }
    PostedCommitStatus record = new PostedCommitStatus();
    record.setSha(sha);
    record.setContext(context);
    record.setState(stateName);
    record.setDescription(description);
    record.setTargetUrl(targetUrl);
    posted.removeIf(p -> sha.equals(p.getSha()) && context.equals(p.getContext()));
    posted.add(record);
    while (posted.size() > REMEMBERED) {
      posted.remove(0);
    }
    status.setCommitStatuses(posted);
    return true;
  }

  /** The last state posted for {@code sha}, or null. */
  static String lastPosted(GitSource source, String sha) {
    if (source.getStatus() == null || source.getStatus().getCommitStatuses() == null) {
      return null;
    }
    return source.getStatus().getCommitStatuses().stream()
        .filter(p -> sha.equals(p.getSha()))
        .reduce((a, b) -> b)
        .map(PostedCommitStatus::getState)
        .orElse(null);
  }

  String statusPage(GitSource source, String sha) {
    String base = publicBaseUrl.toString().replaceAll("/+$", "");
    return base
        + "/status/"
        + source.getMetadata().getNamespace()
        + "/"
        + source.getMetadata().getName()
        + "/"
        + sha;
  }

  private ForgeClient client(GitSource source, ForgeSpec forge)
      throws SourceSecrets.MissingSecretException {
    String token =
        secrets.value(source.getMetadata().getNamespace(), forge.getTokenSecretRef(), "token");
    return clients.of(source, token);
  }
}
