package dev.gitfoundry.gitsync.webhook;

/**
 * A push to a ref. {@code afterSha} is all zeros when the ref was deleted.
 *
 * @param ref full ref name, e.g. {@code refs/heads/main}
 */
public record PushEvent(EventRepository repository, String ref, String afterSha)
    implements WebhookEvent {
  private static final String BRANCH_PREFIX = "refs/heads/";

  /** The branch name, or null when the ref is a tag or something else. */
  public String branch() {
    return ref != null && ref.startsWith(BRANCH_PREFIX)
        ? ref.substring(BRANCH_PREFIX.length())
        : null;
  }

  public boolean deleted() {
    return afterSha != null && afterSha.chars().allMatch(c -> c == '0');
  }
}
