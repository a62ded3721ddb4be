package dev.gitfoundry.operator;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import dev.gitfoundry.operator.cache.ClusterCaches;
import dev.gitfoundry.operator.cache.LeanStore;
import dev.gitfoundry.operator.cfapi.AuditTrail;
import dev.gitfoundry.operator.cfapi.CfApi;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.delivery.CommitStatusPublisher;
import dev.gitfoundry.operator.delivery.DeliveryListener;
import dev.gitfoundry.operator.delivery.DeliveryPipeline;
import dev.gitfoundry.operator.delivery.HealthRollup;
import dev.gitfoundry.operator.delivery.InformerLiveState;
import dev.gitfoundry.operator.delivery.KubernetesClusterWriter;
import dev.gitfoundry.operator.delivery.ParallelWrites;
import dev.gitfoundry.operator.forge.SourceForges;
import dev.gitfoundry.operator.http.CfApiRoutes;
import dev.gitfoundry.operator.http.MetricsHttpServer;
import dev.gitfoundry.operator.http.OperatorHttpServer;
import dev.gitfoundry.operator.metrics.OperatorMetrics;
import dev.gitfoundry.operator.preview.PreviewWebhooks;
import dev.gitfoundry.operator.preview.Previews;
import dev.gitfoundry.operator.source.CompiledRevisions;
import dev.gitfoundry.operator.source.Compiler;
import dev.gitfoundry.operator.source.GitSources;
import dev.gitfoundry.operator.source.SourceSecrets;
import dev.gitfoundry.operator.source.SourceSnapshots;
import dev.gitfoundry.operator.source.SourceWebhooks;
import dev.gitfoundry.operator.workload.WorkloadControllers;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole operator in one object: Git polling, the reconcilers, the HTTP port and the metrics
 * port. {@code gitfoundry run} starts one; tests start one in-process against a real API server.
 */
public final class GitfoundryOperator implements AutoCloseable {
  private final Operator operator;
  private final PollScheduler scheduler;
  private final OperatorHttpServer http;
  private final MetricsHttpServer metricsHttp;
  private final CfApi cfApi;
  private final SourceWebhooks sourceWebhooks;
  private final Leadership leadership;
  private final ClusterCaches caches;
  private final InformerLiveState live;
  private final ExecutorService applyPool;
  private final OperatorMetrics operatorMetrics;
  private volatile boolean started;

  public GitfoundryOperator(
      KubernetesClient client,
      OperatorConfig config,
      Path cacheDir,
      InetSocketAddress httpAddress,
      Clock clock)
      throws Exception {
    this(client, config, cacheDir, httpAddress, List.of(new AuditTrail(client, clock)), clock);
  }

  /**
   * @param listeners told about every applied revision of every branch (e.g. CF audit events)
   */
  public GitfoundryOperator(
      KubernetesClient client,
      OperatorConfig config,
      Path cacheDir,
      InetSocketAddress httpAddress,
      List<DeliveryListener> listeners,
      Clock clock)
      throws Exception {
    RepositoryMetrics metrics = new RepositoryMetrics();
    SourceSnapshots snapshots = new SourceSnapshots(clock);
    scheduler = new PollScheduler(snapshots, cacheDir, metrics, 2);
    WebhookTargets targets = new WebhookTargets();
    leadership = config.leaderElection() ? Leadership.elected() : Leadership.withoutElection();
    operatorMetrics = new OperatorMetrics(metrics, leadership::leading);
    operator =
        new Operator(
            overrider -> {
              overrider
                  .withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withMetrics(operatorMetrics.controllers())
                  .withConcurrentReconciliationThreads(config.tuning().workloadConcurrency())
                  .withConcurrentWorkflowExecutorThreads(config.tuning().workloadConcurrency());
              if (config.leaderElection()) {
                overrider.withLeaderElectionConfiguration(leaderElection(config));
              }
            });
    caches = new ClusterCaches(client);
    live = new InformerLiveState(client, config.watchNamespaces(), caches);
    applyPool =
        Executors.newFixedThreadPool(
            config.tuning().applyConcurrency(), daemonThreads("gitfoundry-apply"));
    DeliveryPipeline pipeline =
        new DeliveryPipeline(
            live,
            new KubernetesClusterWriter(client),
            new ParallelWrites(applyPool),
            operatorMetrics.delivery());
    HealthRollup health = new HealthRollup(owner -> live.owned(owner, CFApp.class));
    SourceSecrets secrets = new SourceSecrets(client);
    SourceForges forges = new SourceForges(secrets);
    CommitStatusPublisher publisher = new CommitStatusPublisher(forges, clock);
    CompiledRevisions compiled =
        new CompiledRevisions(new Compiler(config.defaultDomain()), operatorMetrics.delivery());
    operator.register(
        GitSources.reconciler(
            client,
            scheduler,
            snapshots,
            secrets,
            live,
            caches,
            compiled,
            pipeline,
            health,
            publisher,
            listeners,
            config,
            operatorMetrics.delivery(),
            leadership::leading,
            clock),
        overrider -> sourceController(overrider, config));
    WorkloadControllers.register(operator, config, clock);
    // Pull-request previews: their own controller on GitSource, woken by pull_request webhooks.
    PreviewWebhooks previewWebhooks = new PreviewWebhooks();
    operator.register(
        Previews.reconciler(
            client,
            live,
            snapshots,
            secrets,
            forges,
            compiled,
            pipeline,
            health,
            publisher,
            previewWebhooks,
            cacheDir,
            metrics,
            config.progressDeadline(),
            operatorMetrics.delivery(),
            leadership::leading,
            clock),
        overrider -> sourceController(overrider, config));
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
            httpAddress, client, webhooks, operatorMetrics, caches, () -> started);
    // The CF API answers every path the other handlers do not (the longest context wins).
    cfApi = new CfApi(client, config, caches, clock);
    http.mount("/", cfApi.handler(), CfApiRoutes.ROUTES);
    // On the HTTP port's interface: loopback in tests and the demo, every interface in a Pod.
    metricsHttp =
        new MetricsHttpServer(
            new InetSocketAddress(httpAddress.getAddress(), config.metricsPort()), operatorMetrics);
  }

  /** Both GitSource controllers: the namespaces served, and a cache without managed-field sets. */
  private static void sourceController(
      ControllerConfigurationOverrider<GitSource> overrider, OperatorConfig config) {
    if (LeanStore.fitsOneInformer(config.watchNamespaces())) {
      overrider.withItemStore(new LeanStore<>());
    }
    if (!config.watchNamespaces().isEmpty()) {
      overrider.settingNamespaces(config.watchNamespaces());
    }
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
    live.start();
    sourceWebhooks.start();
    cfApi.start();
    http.start();
    metricsHttp.start();
    scheduler.start();
    operator.start();
    started = true;
  }

  public int httpPort() {
    return http.port();
  }

  /** Where {@code /metrics} is served (not on {@link #httpPort()}). */
  public int metricsPort() {
    return metricsHttp.port();
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
    metricsHttp.close();
    sourceWebhooks.close();
    cfApi.close();
    live.close();
    caches.close();
    applyPool.shutdownNow();
    operatorMetrics.close();
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
