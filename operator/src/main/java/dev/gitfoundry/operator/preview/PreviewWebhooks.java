package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.webhook.PullRequestEvent;
import dev.gitfoundry.gitsync.webhook.PushEvent;
import dev.gitfoundry.gitsync.webhook.WebhookListener;
import dev.gitfoundry.gitsync.webhook.WebhookTarget;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified {@code pull_request} webhooks wake the preview reconciler of each matching source. The
 * event is a hint, not the truth: the reconciler re-reads the open pull requests from the forge,
 * except that a "closed" event is believed at once (a forge list may lag behind its webhook).
 */
public final class PreviewWebhooks implements WebhookListener {
  private final SimpleInboundEventSource<GitSource> events =
      new SimpleInboundEventSource<>("preview-webhooks");
  private final Map<SourceRef, Set<Integer>> closed = new ConcurrentHashMap<>();
  private final Set<SourceRef> dirty = ConcurrentHashMap.newKeySet();

  SimpleInboundEventSource<GitSource> eventSource() {
    return events;
  }

  @Override
  public void onPush(PushEvent event, List<WebhookTarget> targets) {}

  @Override
  public void onPullRequest(PullRequestEvent event, List<WebhookTarget> targets) {
    for (WebhookTarget target : targets) {
      SourceRef source = SourceRef.parse(target.name());
      if (source == null) {
        continue;
      }
      if (event.closed()) {
        closed.computeIfAbsent(source, k -> ConcurrentHashMap.newKeySet()).add(event.number());
      } else if ("reopened".equals(event.action())) {
        closed.computeIfPresent(source, (k, numbers) -> withoutNumber(numbers, event.number()));
      }
      dirty.add(source);
      events.propagateEvent(new ResourceID(source.name(), source.namespace()));
    }
  }

  /**
   * A standby replica received a pull_request event for {@code ns/name} and handed it over without
   * its details: re-read the forge's list.
   */
  public void refresh(String target) {
    SourceRef source = SourceRef.parse(target);
    if (source != null) {
      dirty.add(source);
      events.propagateEvent(new ResourceID(source.name(), source.namespace()));
    }
  }

  /** Whether a webhook arrived since the last call: then the forge list must be re-read. */
  boolean takeDirty(SourceRef source) {
    return dirty.remove(source);
  }

  boolean closedByWebhook(SourceRef source, int number) {
    return closed.getOrDefault(source, Set.of()).contains(number);
  }

  /** Hints about pull requests the forge no longer lists have served their purpose. */
  void keepClosedHintsFor(SourceRef source, Set<Integer> listed) {
    closed.computeIfPresent(
        source,
        (k, numbers) -> {
          numbers.retainAll(listed);
          return numbers;
        });
  }

  private static Set<Integer> withoutNumber(Set<Integer> numbers, int number) {
    numbers.remove(number);
    return numbers;
  }
}
