package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.operator.delivery.CommitStatusPublisher;

/**
 * The {@code gitfoundry/preview} status on a pull request's head commit, linking to the preview;
 * the pull request's {@link PreviewStatus} is the log that makes posting idempotent.
 */
final class PreviewStatuses {
  static final String CONTEXT = "gitfoundry/preview";

  private final CommitStatusPublisher publisher;

  PreviewStatuses(CommitStatusPublisher publisher) {
    this.publisher = publisher;
  }

  void post(GitSource source, PreviewStatus preview, CommitState state, String description) {
    publisher.publish(
        source,
        preview,
        new CommitStatusPublisher.Post(
            preview.getHeadSha(), CONTEXT, state, description, preview.getUrl()));
  }
}
