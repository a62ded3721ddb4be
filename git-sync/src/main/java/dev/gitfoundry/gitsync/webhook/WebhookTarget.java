package dev.gitfoundry.gitsync.webhook;

import dev.gitfoundry.gitsync.RepositoryUrls;
import java.util.Objects;

/**
 * A source that accepts webhooks: its name (e.g. {@code namespace/gitsource}), its repository URL
 * and the shared secret the forge signs with. {@link #toString()} hides the secret.
 */
public record WebhookTarget(String name, String repositoryUrl, String secret) {
  public WebhookTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(repositoryUrl, "repositoryUrl");
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret is required for " + name);
    }
  }

  public String normalizedRepository() {
    return RepositoryUrls.normalize(repositoryUrl);
  }

  @Override
  public String toString() {
    return "WebhookTarget[" + name + ", " + RepositoryUrls.redact(repositoryUrl) + "]";
  }
}
