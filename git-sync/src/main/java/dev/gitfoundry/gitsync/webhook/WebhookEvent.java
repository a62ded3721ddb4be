package dev.gitfoundry.gitsync.webhook;

/** A verified, typed webhook event. */
public sealed interface WebhookEvent permits PushEvent, PullRequestEvent {
  /** The repository the event is about. */
  EventRepository repository();
}
