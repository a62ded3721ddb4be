package dev.gitfoundry.gitsync.webhook;

import java.util.List;

/**
 * Receives verified events with the sources whose secret signed them (never empty). Called on the
 * HTTP server's thread: trigger a poll or enqueue work, do not block.
 */
public interface WebhookListener {
  void onPush(PushEvent event, List<WebhookTarget> targets);

  void onPullRequest(PullRequestEvent event, List<WebhookTarget> targets);
}
