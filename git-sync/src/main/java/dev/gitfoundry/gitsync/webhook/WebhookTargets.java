package dev.gitfoundry.gitsync.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sources that accept webhooks, looked up by normalized repository URL. Thread-safe. */
public final class WebhookTargets {
  private final Map<String, WebhookTarget> byName = new ConcurrentHashMap<>();

  public void put(WebhookTarget target) {
    byName.put(target.name(), target);
  }

  public void remove(String name) {
    byName.remove(name);
  }

  /** Replaces every target at once, e.g. after the operator re-listed its sources. */
  public void replaceAll(Collection<WebhookTarget> targets) {
    var names = targets.stream().map(WebhookTarget::name).toList();
    byName.keySet().retainAll(names);
    targets.forEach(this::put);
  }

  /**
   * @param normalizedUrl as produced by {@link dev.gitfoundry.gitsync.RepositoryUrls}
   */
  public List<WebhookTarget> forRepository(String normalizedUrl) {
    return byName.values().stream()
        .filter(t -> t.normalizedRepository().equals(normalizedUrl))
        .toList();
  }
}
