package dev.gitfoundry.gitsync.webhook;

import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryKey;
import java.util.List;

/**
 * The usual wiring: a verified push to a branch polls that repository and branch now (if a job
 * watches it); pull-request events go to the given delegate (previews).
 */
public final class WebhookPollTrigger implements WebhookListener {
  private final PollScheduler scheduler;
  private final WebhookListener pullRequests;

  public WebhookPollTrigger(PollScheduler scheduler, WebhookListener pullRequests) {
    this.scheduler = scheduler;
    this.pullRequests = pullRequests;
  }

  @Override
  public void onPush(PushEvent event, List<WebhookTarget> targets) {
    if (event.branch() == null) {
      return; // tags do not move a watched branch
    }
    for (WebhookTarget target : targets) {
      scheduler.triggerNow(RepositoryKey.of(target.repositoryUrl(), event.branch()));
    }
  }

  @Override
  public void onPullRequest(PullRequestEvent event, List<WebhookTarget> targets) {
    pullRequests.onPullRequest(event, targets);
  }
}
