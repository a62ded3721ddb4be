package dev.gitfoundry.operator;

import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import dev.gitfoundry.operator.cfapi.CfApi;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.http.OperatorHttpServer;
import dev.gitfoundry.operator.preview.PreviewReconciler;
import dev.gitfoundry.operator.preview.PreviewWebhooks;
import dev.gitfoundry.operator.source.GitSourceReconciler;
import dev.gitfoundry.operator.source.SourceSnapshots;
import dev.gitfoundry.operator.source.SourceWebhooks;
import dev.gitfoundry.operator.workload.WorkloadControllers;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The whole operator in one object: Git polling, the reconcilers, and the HTTP port. {@code
 * gitfoundry run} starts one; tests start one in-process against a real API server.
 */
public final class GitfoundryOperator implements AutoCloseable {
  private final Operator operator;
  private final PollScheduler scheduler;
  private final OperatorHttpServer http;
  private final CfApi cfApi;
  private final SourceWebhooks sourceWebhooks;
  private final Leadership leadership;
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
    leadership = config.leaderElection() ? Leadership.elected() : Leadership.withoutElection();
    operator =
        new Operator(
            overrider -> {
              overrider.withKubernetesClient(client).withCloseClientOnStop(false);
              if (config.leaderElection()) {
                overrider.withLeaderElectionConfiguration(leaderElection(config));
              }
            });
    GitSourceReconciler sources =
        new GitSourceReconciler(client, scheduler, snapshots, config, leadership::leading, clock);
    operator.register(
        sources,
        overrider -> {
          if (!config.watchNamespaces().isEmpty()) {
            overrider.settingNamespaces(config.watchNamespaces());
          }
        });
    WorkloadControllers.register(operator, config, clock);
    // Pull-request previews: their own controller on GitSource, woken by pull_request webhooks.
    PreviewWebhooks previewWebhooks = new PreviewWebhooks();
    operator.register(
        new PreviewReconciler(
            client, config, cacheDir, metrics, previewWebhooks, leadership::leading, clock),
        overrider -> {
          if (!config.watchNamespaces().isEmpty()) {
            overrider.settingNamespaces(config.watchNamespaces());
          }
        });
    sourceWebhooks =
        new SourceWebhooks(
            client,
            config.watchNamespaces(),
            targets,
            scheduler,
            previewWebhooks,
            previewWebhooks::refresh,
            leadership::leading,
            clock);
    WebhookHandler webhooks = new WebhookHandler(targets, sourceWebhooks);
    http =
        new OperatorHttpServer(
            httpAddress, client, webhooks, metrics, () -> started, leadership::leading);
    // The CF API answers every path the other handlers do not (the longest context wins).
    cfApi = new CfApi(client, config, clock);
    http.mount("/", cfApi.handler());
  }

  /**
   * The usual Kubernetes timings (as client-go and controller-runtime): a dead leader's Lease
   * expires after 15 s and a standby retries every 2 s, so it takes over within about 17 s.
   */
  private LeaderElectionConfiguration leaderElection(OperatorConfig config) {
    return new LeaderElectionConfiguration(
        "gitfoundry-leader",
        config.operatorNamespace(),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        config.leaderIdentity(),
        leadership.callbacks(),
        config.exitOnLostLeadership());
  }

  public void start() throws Exception {
    sourceWebhooks.start();
    cfApi.start();
    http.start();
    scheduler.start();
    operator.start();
    started = true;
  }

  public int httpPort() {
    return http.port();
  }

  public Leadership leadership() {
    return leadership;
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
    sourceWebhooks.close();
    cfApi.close();
  }
}
