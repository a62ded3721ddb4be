package dev.gitfoundry.operator;

import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.gitsync.webhook.WebhookPollTrigger;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import dev.gitfoundry.operator.cfapi.CfApi;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.http.OperatorHttpServer;
import dev.gitfoundry.operator.preview.PreviewReconciler;
import dev.gitfoundry.operator.preview.PreviewWebhooks;
import dev.gitfoundry.operator.source.GitSourceReconciler;
import dev.gitfoundry.operator.source.SourceSnapshots;
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
    // Pull-request previews: their own controller on GitSource, woken by pull_request webhooks.
    PreviewWebhooks previewWebhooks = new PreviewWebhooks();
    operator.register(
        new PreviewReconciler(client, config, cacheDir, metrics, previewWebhooks, clock),
        overrider -> {
          if (!config.watchNamespaces().isEmpty()) {
            overrider.settingNamespaces(config.watchNamespaces());
          }
        });
    WebhookHandler webhooks =
        new WebhookHandler(targets, new WebhookPollTrigger(scheduler, previewWebhooks));
    http = new OperatorHttpServer(httpAddress, client, webhooks, metrics, () -> started);
    // The CF API answers every path the other handlers do not (the longest context wins).
    cfApi = new CfApi(client, config, clock);
    http.mount("/", cfApi.handler());
  }

  public void start() throws Exception {
    cfApi.start();
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
    cfApi.close();
  }
}
