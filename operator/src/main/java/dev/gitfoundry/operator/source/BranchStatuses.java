package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.gitsync.CommitInfo;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.operator.delivery.CommitStatusPublisher;
import dev.gitfoundry.operator.delivery.RevisionHistory;
import java.net.URI;
import java.time.Clock;

/**
 * The branch's commit statuses: context {@code gitfoundry} (or the source's own), the status page
 * as link, and the revision's record in {@code status.history} as the log of what was posted.
 */
final class BranchStatuses {
  static final String DEFAULT_CONTEXT = "gitfoundry";

  private final CommitStatusPublisher publisher;
  private final URI publicBaseUrl;
  private final Clock clock;

  BranchStatuses(CommitStatusPublisher publisher, URI publicBaseUrl, Clock clock) {
    this.publisher = publisher;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
  }

  void post(GitSource source, String sha, CommitState state, String description) {
    RevisionRecord record =
        RevisionHistory.find(source.getStatus(), sha)
            .orElseGet(
                () ->
                    RevisionHistory.remember(
                        source.getStatus(), sha, CommitInfo.unknown(sha), clock.instant()));
    publisher.publish(
        source,
        record,
        new CommitStatusPublisher.Post(
            sha, context(source), state, description, statusPage(source, sha)));
  }

  /** The last state posted for {@code sha}, or null. */
  static String lastPosted(GitSource source, String sha) {
    return RevisionHistory.find(source.getStatus(), sha)
        .flatMap(r -> RevisionHistory.lastPosted(r, context(source)))
        .map(PostedCommitStatus::getState)
        .orElse(null);
  }

  static String context(GitSource source) {
    ForgeSpec forge = source.getSpec().getForge();
    return forge == null || forge.getStatusContext() == null
        ? DEFAULT_CONTEXT
        : forge.getStatusContext();
  }

  private String statusPage(GitSource source, String sha) {
    return publicBaseUrl.toString().replaceAll("/+$", "")
        + "/status/"
        + source.getMetadata().getNamespace()
        + "/"
        + source.getMetadata().getName()
        + "/"
        + sha;
  }
}
