package dev.gitfoundry.operator;

import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.webhook.PullRequestEvent;
import dev.gitfoundry.gitsync.webhook.PushEvent;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.gitsync.webhook.WebhookListener;
import dev.gitfoundry.gitsync.webhook.WebhookPollTrigger;
import dev.gitfoundry.gitsync.webhook.WebhookTarget;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.http.OperatorHttpServer;
import dev.gitfoundry.operator.source.GitSourceReconciler;
import dev.gitfoundry.operator.source.SourceSnapshots;
import dev.gitfoundry.operator.workload.WorkloadControllers;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The whole operator in one object: Git polling, the reconcilers, and the HTTP port. {@code
 * gitfoundry run} starts one; tests start one in-process against a real API server.
 */
public final class GitfoundryOperator implements AutoCloseable {
  private final Operator operator;
  private final PollScheduler scheduler;
  private final OperatorHttpServer http;
  private volatile boolean started;

  public GitfoundryOperator(
      KubernetesClient client,
      OperatorConfig config,
      Path cacheDir,
      InetSocketAddress httpAddress,
      Clock clock)
      throws Exception {
    RepositoryMetrics metrics = new RepositoryMetrics();
    SourceSnapshots snapshots = new SourceSnapshots(clock);
    scheduler = new PollScheduler(snapshots, cacheDir, metrics, 2);
    WebhookTargets targets = new WebhookTargets();
    operator =
        new Operator(
            overrider -> {
              overrider.withKubernetesClient(client).withCloseClientOnStop(false);
              if (config.leaderElection()) {
                overrider.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        "gitfoundry-leader", config.operatorNamespace()));
              }
            });
    GitSourceReconciler sources =
        new GitSourceReconciler(client, scheduler, snapshots, targets, config, clock);
    operator.register(
        sources,
        overrider -> {
          if (!config.watchNamespaces().isEmpty()) {
            overrider.settingNamespaces(config.watchNamespaces());
          }
        });
    WorkloadControllers.register(operator, config, clock);
    WebhookHandler webhooks =
        new WebhookHandler(targets, new WebhookPollTrigger(scheduler, NO_PREVIEWS));
    http = new OperatorHttpServer(httpAddress, client, webhooks, metrics, () -> started);
  }

  public void start() throws Exception {
    http.start();
    scheduler.start();
    operator.start();
    started = true;
  }

  public int httpPort() {
    return http.port();
  }

  public OperatorHttpServer http() {
    return http;
  }

  @Override
  public void close() throws Exception {
    started = false;
    operator.stop();
    scheduler.close();
    http.close();
  }

  /** Pull-request previews are not wired yet; their events are accepted and ignored. */
  private static final WebhookListener NO_PREVIEWS =
      new WebhookListener() {
        @Override
        public void onPush(PushEvent event, List<WebhookTarget> targets) {}

        @Override
        public void onPullRequest(PullRequestEvent event, List<WebhookTarget> targets) {}
      };
}
