package dev.gitfoundry.operator.preview;

import dev.gitfoundry.gitsync.forge.PullRequest;
import dev.gitfoundry.gitsync.webhook.PullRequestEvent;

/** What previews need of an open pull request, whether a webhook or the forge's list said so. */
public record OpenPullRequest(int number, String headSha, String baseRef, boolean fromFork) {
  static OpenPullRequest of(PullRequest pr) {
    return new OpenPullRequest(pr.number(), pr.headSha(), pr.baseRef(), pr.fromFork());
  }

  static OpenPullRequest of(PullRequestEvent event) {
    return new OpenPullRequest(event.number(), event.headSha(), event.baseRef(), event.fromFork());
  }
}
