package dev.gitfoundry.operator.preview;

import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.operator.delivery.CommitStatusPublisher;
import dev.gitfoundry.operator.delivery.DeliveryMetrics;
import dev.gitfoundry.operator.delivery.DeliveryPipeline;
import dev.gitfoundry.operator.delivery.HealthRollup;
import dev.gitfoundry.operator.delivery.LiveState;
import dev.gitfoundry.operator.forge.SourceForges;
import dev.gitfoundry.operator.source.CompiledRevisions;
import dev.gitfoundry.operator.source.SourceSecrets;
import dev.gitfoundry.operator.source.SourceSnapshots;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Puts a {@link PreviewReconciler} together from the parts it shares with the branch. */
public final class Previews {
  private Previews() {}

  public static PreviewReconciler reconciler(
      KubernetesClient client,
      LiveState live,
      SourceSnapshots snapshots,
      SourceSecrets secrets,
      SourceForges forges,
      CompiledRevisions compiled,
      DeliveryPipeline pipeline,
      HealthRollup health,
      CommitStatusPublisher publisher,
      PreviewWebhooks webhooks,
      Path cacheDir,
      RepositoryMetrics metrics,
      Duration progressDeadline,
      DeliveryMetrics deliveryMetrics,
      BooleanSupplier leading,
      Clock clock) {
    PreviewRecords records = new PreviewRecords(client, live);
    PreviewStatuses statuses = new PreviewStatuses(publisher);
    PreviewComments comments = new PreviewComments(forges);
    PreviewDeployer deployer =
        new PreviewDeployer(
            snapshots,
            compiled,
            new PullRequestHeads(cacheDir.resolve("previews"), metrics, secrets),
            pipeline,
            statuses,
            comments,
            clock);
    PreviewLifecycle lifecycle =
        new PreviewLifecycle(
            deployer,
            records,
            health,
            statuses,
            comments,
            progressDeadline,
            deliveryMetrics,
            clock);
    return new PreviewReconciler(
        records,
        new PullRequestListing(forges, webhooks, clock),
        new PullRequestSync(deployer, lifecycle, clock),
        lifecycle,
        webhooks,
        leading);
  }
}
