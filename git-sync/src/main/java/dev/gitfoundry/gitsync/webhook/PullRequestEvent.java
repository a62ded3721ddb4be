package dev.gitfoundry.gitsync.webhook;

import java.util.List;

/**
 * A pull-request change. {@code action} is the forge's word (GitHub {@code synchronize}, Gitea
 * {@code synchronized}, both {@code opened}, {@code closed}, {@code reopened}, label changes…).
 *
 * @param fromFork the head lives in another repository (or one that was deleted)
 */
public record PullRequestEvent(
    EventRepository repository,
    String action,
    int number,
    String headSha,
    String headRef,
    String baseRef,
    boolean fromFork,
    boolean merged,
    List<String> labels)
    implements WebhookEvent {
  public PullRequestEvent {
    labels = List.copyOf(labels);
  }

  public boolean closed() {
    return "closed".equals(action);
  }
}
