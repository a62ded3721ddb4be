package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.operator.forge.SourceForges;
import dev.gitfoundry.operator.source.SourceSecrets;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pull-request previews of one GitSource: each open pull request that targets the watched branch is
 * delivered, through the same pipeline as the branch, into {@code <space>-pr-<n>}; a closed, merged
 * or expired one loses its preview. Woken by {@code pull_request} webhooks and, as a safety net,
 * every 5 minutes. A second controller on GitSource: it writes only {@code status.previews}.
 */
@ControllerConfiguration(
    name = "gitsource-previews",
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
public final class PreviewReconciler implements Reconciler<GitSource> {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewReconciler.class);
  private static final Duration WHILE_DEPLOYING = Duration.ofSeconds(3);
  private static final Duration AFTER_TRANSIENT_ERROR = Duration.ofSeconds(30);

  private final PreviewRecords records;
  private final PullRequestListing listing;
  private final PullRequestSync pullRequests;
  private final PreviewLifecycle lifecycle;
  private final PreviewWebhooks webhooks;
  private final BooleanSupplier leading;

  PreviewReconciler(
      PreviewRecords records,
      PullRequestListing listing,
      PullRequestSync pullRequests,
      PreviewLifecycle lifecycle,
      PreviewWebhooks webhooks,
      BooleanSupplier leading) {
    this.records = records;
    this.listing = listing;
    this.pullRequests = pullRequests;
    this.lifecycle = lifecycle;
    this.webhooks = webhooks;
    this.leading = leading;
  }

  @Override
  public List<EventSource<?, GitSource>> prepareEventSources(EventSourceContext<GitSource> ctx) {
    return List.of(webhooks.eventSource());
  }

  @Override
  public UpdateControl<GitSource> reconcile(GitSource source, Context<GitSource> context)
      throws InterruptedException {
    if (!leading.getAsBoolean()) {
      return UpdateControl.noUpdate(); // the Lease is gone: the new leader owns the previews
    }
    Map<Integer, PreviewStatus> previews = records.of(source);
    PreviewSpec spec = source.getSpec().getPreviews();
    if (spec == null
        || !Boolean.TRUE.equals(spec.getEnabled())
        || Boolean.TRUE.equals(source.getSpec().getSuspend())) {
      lifecycle.closeAllBut(source, Set.of(), previews); // turning previews off removes them
      records.publish(source, previews);
      return UpdateControl.noUpdate();
    }
    if (!SourceForges.configured(source)) {
      LOG.warn("{}: previews need spec.forge to list pull requests", SourceRef.of(source));
      return UpdateControl.noUpdate();
    }
    List<OpenPullRequest> open;
    try {
      open = listing.open(source);
    } catch (ForgeException | SourceSecrets.MissingSecretException e) {
      LOG.warn("{}: listing pull requests failed: {}", SourceRef.of(source), e.getMessage());
      return UpdateControl.<GitSource>noUpdate().rescheduleAfter(AFTER_TRANSIENT_ERROR);
    }
    lifecycle.closeAllBut(
        source, open.stream().map(OpenPullRequest::number).collect(Collectors.toSet()), previews);
    lifecycle.expire(source, spec, previews);
    boolean retry = false;
    for (OpenPullRequest pr : open) {
      retry |= !pullRequests.sync(source, spec, pr, previews);
    }
    lifecycle.checkReadiness(source, previews);
    records.publish(source, previews);
    boolean deploying = previews.values().stream().anyMatch(p -> "pending".equals(p.getState()));
    Duration next = deploying ? WHILE_DEPLOYING : retry ? AFTER_TRANSIENT_ERROR : null;
    Duration untilExpiry = lifecycle.untilFirstExpiry(spec, previews);
    if (untilExpiry != null && (next == null || untilExpiry.compareTo(next) < 0)) {
      next = untilExpiry;
    }
    UpdateControl<GitSource> none = UpdateControl.noUpdate();
    return next == null ? none : none.rescheduleAfter(next);
  }

  static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
