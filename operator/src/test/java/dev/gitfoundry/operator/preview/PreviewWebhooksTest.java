package dev.gitfoundry.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.gitsync.webhook.PullRequestEvent;
import dev.gitfoundry.gitsync.webhook.WebhookTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreviewWebhooksTest {
  private static final SourceRef SOURCE = new SourceRef("team", "shop");
  private static final WebhookTarget TARGET =
      new WebhookTarget("team/shop", "http://forge.test/o/r.git", "secret");

  private static PullRequestEvent event(String action, int number) {
    return new PullRequestEvent(
        null, action, number, "abc", "feature", "main", false, false, List.of());
  }

  @Test
  void aClosedEventIsBelievedAtOnceUntilTheForgeAgrees() {
    PreviewWebhooks webhooks = new PreviewWebhooks();
    webhooks.onPullRequest(event("closed", 4), List.of(TARGET));
    assertThat(webhooks.takeDirty(SOURCE)).isTrue();
    assertThat(webhooks.takeDirty(SOURCE)).isFalse();
    assertThat(webhooks.closedByWebhook(SOURCE, 4)).isTrue();

    webhooks.keepClosedHintsFor(SOURCE, Set.of(4)); // the forge still lists it: keep the hint
    assertThat(webhooks.closedByWebhook(SOURCE, 4)).isTrue();
    webhooks.keepClosedHintsFor(SOURCE, Set.of());
    assertThat(webhooks.closedByWebhook(SOURCE, 4)).isFalse();
  }

  @Test
  void reopeningClearsTheHint() {
    PreviewWebhooks webhooks = new PreviewWebhooks();
    webhooks.onPullRequest(event("closed", 5), List.of(TARGET));
    webhooks.onPullRequest(event("reopened", 5), List.of(TARGET));
    assertThat(webhooks.closedByWebhook(SOURCE, 5)).isFalse();
    webhooks.onPullRequest(event("reopened", 6), List.of(TARGET)); // no hint to clear: no error
  }

  @Test
  void targetNamesAreNamespaceSlashName() {
    assertThat(SourceRef.parse("team/shop")).isEqualTo(SOURCE);
    assertThat(SourceRef.parse("nonsense")).isNull();
    assertThat(SourceRef.parse("/x")).isNull();
  }
}
