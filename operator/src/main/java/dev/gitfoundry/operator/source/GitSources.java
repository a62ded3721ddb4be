package dev.gitfoundry.operator.source;

import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.operator.cache.ClusterCaches;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.delivery.CommitStatusPublisher;
import dev.gitfoundry.operator.delivery.DeliveryListener;
import dev.gitfoundry.operator.delivery.DeliveryMetrics;
import dev.gitfoundry.operator.delivery.DeliveryPipeline;
import dev.gitfoundry.operator.delivery.HealthRollup;
import dev.gitfoundry.operator.delivery.LiveState;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Puts a {@link GitSourceReconciler} together from the parts it shares with the previews. */
public final class GitSources {
  private GitSources() {}

  public static GitSourceReconciler reconciler(
      KubernetesClient client,
      PollScheduler scheduler,
      SourceSnapshots snapshots,
      SourceSecrets secrets,
      LiveState live,
      ClusterCaches caches,
      CompiledRevisions compiled,
      DeliveryPipeline pipeline,
      HealthRollup health,
      CommitStatusPublisher publisher,
      List<DeliveryListener> listeners,
      OperatorConfig config,
      DeliveryMetrics metrics,
      BooleanSupplier leading,
      Clock clock) {
    SourceConditions conditions = new SourceConditions(clock);
    SourceEvents events = new SourceEvents(client, clock);
    BranchStatuses statuses = new BranchStatuses(publisher, config.publicBaseUrl(), clock);
    return new GitSourceReconciler(
        new SourceSubscription(scheduler, snapshots, secrets, new AppWakeups(caches.apps())),
        new BranchDelivery(
            compiled,
            new OwnershipCheck(client, live),
            pipeline,
            statuses,
            conditions,
            events,
            listeners,
            clock),
        new BranchHealth(health, statuses, conditions, config.progressDeadline(), metrics, clock),
        new DriftChecks(clock),
        conditions,
        events,
        leading);
  }
}
