package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.CommitStatusLog;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.CommitStatus;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.operator.forge.ForgeAccess;
import dev.gitfoundry.operator.forge.SourceForges;
import dev.gitfoundry.operator.source.SourceSecrets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts commit statuses, for branch revisions and pull-request previews alike, exactly once each:
 * what was posted is kept in a {@link CommitStatusLog} in the GitSource status (not in memory), so
 * the same state and description for the same commit and context is never posted twice, also across
 * restarts. A forge that is down never stops a delivery: the failure is logged and the next
 * reconcile posts again.
 */
public final class CommitStatusPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(CommitStatusPublisher.class);
  private static final int CHECKED_COMMITS = 1000;

  private final ForgeAccess forges;
  private final Clock clock;
  private final Set<String> checkedWithForge =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > CHECKED_COMMITS;
                }
              }));

  public CommitStatusPublisher(ForgeAccess forges, Clock clock) {
    this.forges = forges;
    this.clock = clock;
  }

  /** One status to post. */
  public record Post(
      String sha, String context, CommitState state, String description, String targetUrl) {}

  /** Posts unless {@code log} already ends with this; a failure is logged, never thrown. */
  public void publish(GitSource source, CommitStatusLog log, Post post) {
    try {
      post(source, log, post);
    } catch (ForgeException | SourceSecrets.MissingSecretException e) {
      LOG.atWarn()
          .addKeyValue(
              "source", source.getMetadata().getNamespace() + "/" + source.getMetadata().getName())
          .addKeyValue("sha", post.sha())
          .log("commit status not posted: {}", e.getMessage());
    }
  }

  private void post(GitSource source, CommitStatusLog log, Post post)
      throws ForgeException, SourceSecrets.MissingSecretException {
    String state = post.state().name().toLowerCase(Locale.ROOT);
    if (RevisionHistory.alreadyPosted(log, post.context(), state, post.description())) {
      return;
    }
    Optional<ForgeClient> found = forges.client(source);
    if (found.isEmpty()) {
      return;
    }
    ForgeClient client = found.get();
    ForgeRepository repository = SourceForges.repository(source);
    String commit = source.getMetadata().getUid() + "/" + post.sha() + "/" + post.context();
    if (!checkedWithForge.contains(commit)) {
      // A process killed between posting and recording left the forge ahead of the record: read
      // the forge once per commit and process, and the client skips a post it already shows.
      client.latestStatus(repository, post.sha(), post.context());
      checkedWithForge.add(commit);
    }
    if (client.postStatus(
        repository,
        post.sha(),
        new CommitStatus(post.state(), post.context(), post.description(), post.targetUrl()))) {
      LOG.atInfo()
          .addKeyValue(
              "source", source.getMetadata().getNamespace() + "/" + source.getMetadata().getName())
          .addKeyValue("sha", post.sha())
          .addKeyValue("context", post.context())
          .addKeyValue("state", state)
          .log("commit status posted: {}", post.description());
    }
    PostedCommitStatus posted = new PostedCommitStatus();
    posted.setSha(post.sha());
    posted.setContext(post.context());
    posted.setState(state);
    posted.setDescription(post.description());
    posted.setTargetUrl(post.targetUrl());
    posted.setPostedAt(clock.instant().toString());
    RevisionHistory.posted(log, posted);
  }
}
