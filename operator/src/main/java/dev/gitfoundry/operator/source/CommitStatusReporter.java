package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.gitsync.CommitInfo;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.CommitStatus;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.operator.delivery.RevisionHistory;
import dev.gitfoundry.operator.forge.ForgeClients;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
  private static final int CHECKED_COMMITS = 1000;

  private final SourceSecrets secrets;
  private final URI publicBaseUrl;
  private final Clock clock;
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

  CommitStatusReporter(SourceSecrets secrets, URI publicBaseUrl, Clock clock) {
    this.secrets = secrets;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
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
    RevisionRecord record =
        RevisionHistory.find(source.getStatus(), sha)
            .orElseGet(
                () ->
                    RevisionHistory.remember(
                        source.getStatus(), sha, CommitInfo.unknown(sha), clock.instant()));
    if (RevisionHistory.alreadyPosted(record, context, stateName, description)) {
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
    PostedCommitStatus posted = new PostedCommitStatus();
    posted.setSha(sha);
    posted.setContext(context);
    posted.setState(stateName);
    posted.setDescription(description);
    posted.setTargetUrl(targetUrl);
    posted.setPostedAt(clock.instant().toString());
    RevisionHistory.posted(record, posted);
    return true;
  }

  /** The last state posted for {@code sha} in the source's context, or null. */
  static String lastPosted(GitSource source, String sha) {
    ForgeSpec forge = source.getSpec().getForge();
    String context =
        forge == null || forge.getStatusContext() == null
            ? DEFAULT_CONTEXT
            : forge.getStatusContext();
    return RevisionHistory.find(source.getStatus(), sha)
        .flatMap(r -> RevisionHistory.lastPosted(r, context))
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
