package dev.gitfoundry.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.e2e.GiteaSources;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The operator's loop at scale, through webhooks, on the test control plane and Gitea, with the
 * operator in its own process as the chart runs it ({@link OperatorProcess}):
 *
 * <ol>
 *   <li>baseline: the StatefulSets and Services the apps become ({@link LoopWorkloads}), written
 *       straight to the same control plane by plain parallel server-side apply, in their own
 *       namespaces; time until all are available; then one StatefulSet changed at a time, until it
 *       has rolled out (the floor of a one-app push). Removed again before the operator starts.
 *   <li>one commit of N apps until the commit status says {@code success} (every app Ready), and
 *       until all its StatefulSets are available by the baseline's yardstick ({@link
 *       StatefulSetsAvailable});
 *   <li>one-app pushes: push → webhook delivered (a second, do-nothing receiver), → {@code
 *       pending}, → {@code success};
 *   <li>the operator's peak RSS (VmHWM) and live heap after a full GC.
 * </ol>
 *
 * Run with {@code bash tests/bench.sh loop [apps] [pushes]}.
 */
public final class LoopBenchmark {
  private static final int CONCURRENCY = 16;
  private static final int BASELINE_ROLLOUTS = 5;
  private static final Duration LONG = Duration.ofMinutes(30);

  private LoopBenchmark() {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace(System.out);
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int pushes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path jar = Path.of(System.getProperty("gitfoundry.jar", "operator/target/gitfoundry.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " missing: run through tests/bench.sh, which builds it");
    }
    String profile = System.getenv("BENCH_PROFILE");
    Path profileDirectory = profile == null || profile.isBlank() ? null : Path.of(profile);

    try (KubeCluster cluster = KubeCluster.start();
        GiteaServer gitea = GiteaServer.start()) {
      KubernetesClient client = cluster.client();
      Baseline baseline = baseline(client, apps, Math.min(BASELINE_ROLLOUTS, Math.max(1, pushes)));
      System.out.printf(
          "baseline: %d StatefulSets + %d Services by plain parallel SSA (%d at a time): written"
              + " in %.1f s, all available after %.1f s; one StatefulSet changed -> rolled out p50"
              + " %.2f s%n",
          apps,
          apps,
          CONCURRENCY,
          baseline.written(),
          baseline.allAvailable(),
          baseline.rolloutP50());

      Operator operator = operator(cluster, gitea, jar, profileDirectory, apps, pushes, baseline);

      System.out.printf(
          "(b) %d apps, one commit -> status success (all Ready) %.1f s; all StatefulSets"
              + " available %.1f s; ratio to baseline %.2f%n",
          apps,
          operator.allReady(),
          operator.allAvailable(),
          operator.allReady() / baseline.allAvailable());
      System.out.printf(
          "(a) %d one-app pushes: git commit+push p50 %.2f s; push -> webhook delivered p50 %.2f"
              + " s; -> pending p50 %.2f s p95 %.2f s; -> success p50 %.2f s p95 %.2f s%n",
          pushes,
          BenchLine.percentile(operator.toPushed(), 50),
          BenchLine.percentile(operator.toWebhook(), 50),
          BenchLine.percentile(operator.toPending(), 50),
          BenchLine.percentile(operator.toPending(), 95),
          BenchLine.percentile(operator.toSuccess(), 50),
          BenchLine.percentile(operator.toSuccess(), 95));
      System.out.printf(
          "    push -> the changed app's StatefulSet rolled out p50 %.2f s; success posted before"
              + " that rollout in %d of %d pushes%n",
          BenchLine.percentile(operator.toRolledOut(), 50),
          operator.successBeforeRollout(),
          pushes);
      System.out.printf(
          "operator process: peak RSS %.0f MiB after the commit, %.0f MiB at the end; live heap"
              + " after a full GC %.1f MiB; CPU %.1f s until the commit was Ready (from start),"
              + " %.2f s per push%n",
          operator.rssAfterCommit(),
          operator.peakRss(),
          operator.heapAfterGc(),
          operator.cpuOfCommit(),
          operator.cpuOfPushes() / pushes);

      BenchLine.print("loop.apps", apps, "apps");
      BenchLine.print("loop.all_ready_s", operator.allReady(), "s");
      BenchLine.print("loop.all_available_s", operator.allAvailable(), "s");
      BenchLine.print("loop.baseline_written_s", baseline.written(), "s");
      BenchLine.print("loop.baseline_all_ready_s", baseline.allAvailable(), "s");
      BenchLine.print("loop.ratio", operator.allReady() / baseline.allAvailable(), "x");
      BenchLine.print("loop.push_git_p50_s", BenchLine.percentile(operator.toPushed(), 50), "s");
      BenchLine.print(
          "loop.push_webhook_p50_s", BenchLine.percentile(operator.toWebhook(), 50), "s");
      List<Double> afterWebhook = new ArrayList<>();
      for (int i = 0; i < operator.toPending().size(); i++) {
        afterWebhook.add(operator.toPending().get(i) - operator.toWebhook().get(i));
      }
      BenchLine.print(
          "loop.push_pending_after_webhook_p50_s", BenchLine.percentile(afterWebhook, 50), "s");
      BenchLine.print(
          "loop.push_pending_p50_s", BenchLine.percentile(operator.toPending(), 50), "s");
      BenchLine.print(
          "loop.push_pending_p95_s", BenchLine.percentile(operator.toPending(), 95), "s");
      BenchLine.print(
          "loop.push_success_p50_s", BenchLine.percentile(operator.toSuccess(), 50), "s");
      BenchLine.print(
          "loop.push_success_p95_s", BenchLine.percentile(operator.toSuccess(), 95), "s");
      BenchLine.print(
          "loop.push_rolled_out_p50_s", BenchLine.percentile(operator.toRolledOut(), 50), "s");
      BenchLine.print(
          "loop.push_success_before_rollout", operator.successBeforeRollout(), "pushes");
      BenchLine.print("loop.baseline_rollout_p50_s", baseline.rolloutP50(), "s");
      BenchLine.print("loop.operator_cpu_commit_s", operator.cpuOfCommit(), "s");
      BenchLine.print("loop.operator_cpu_per_push_s", operator.cpuOfPushes() / pushes, "s");
      BenchLine.print("loop.peak_rss_mib", operator.peakRss(), "MiB");
      BenchLine.print("loop.heap_after_gc_mib", operator.heapAfterGc(), "MiB");
    }
  }

  /**
   * The baseline's figures, and its live StatefulSet and Service of app 0 as the API server held
   * them, for {@link ShapeCheck}.
   */
  record Baseline(
      double written,
      double allAvailable,
      double rolloutP50,
      StatefulSet statefulSet,
      Service service) {}

  private static Baseline baseline(KubernetesClient client, int apps, int rollouts)
      throws Exception {
    LoopWorkloads workloads = new LoopWorkloads(apps);
    List<HasMetadata> objects = workloads.objects();
    double written;
    double allAvailable;
    List<Double> rolledOut = new ArrayList<>();
    StatefulSet live;
    Service liveService;
    try (StatefulSetsAvailable watch =
        new StatefulSetsAvailable(client, LoopWorkloads.BASELINE_LABEL, "true")) {
      long start = System.nanoTime();
      PlainApply.apply(client, workloads.namespaces(), objects, CONCURRENCY);
      written = seconds(start);
      watch.await(apps, LONG);
      allAvailable = seconds(start);
      StatefulSet first = workloads.statefulSet(0, "v0");
      String firstNamespace = first.getMetadata().getNamespace();
      live =
          client
              .apps()
              .statefulSets()
              .inNamespace(firstNamespace)
              .withName(first.getMetadata().getName())
              .get();
      liveService = client.services().inNamespace(firstNamespace).withName("app0").get();
      for (int round = 1; round <= rollouts; round++) {
        StatefulSet changed = workloads.statefulSet(round % apps, "v" + round);
        String namespace = changed.getMetadata().getNamespace();
        String name = changed.getMetadata().getName();
        long generation = watch.generation(namespace, name);
        start = System.nanoTime();
        PlainApply.apply(client, List.of(), List.of(changed), 1);
        watch.awaitRolledOut(namespace, name, generation, Duration.ofMinutes(5));
        rolledOut.add(seconds(start));
      }
    }
    long cleaning = System.nanoTime();
    PlainApply.deleteNamespaces(client, workloads.namespaces(), LONG);
    System.out.printf("baseline removed in %.1f s (not measured)%n", seconds(cleaning));
    return new Baseline(
        written, allAvailable, BenchLine.percentile(rolledOut, 50), live, liveService);
  }

  record Operator(
      double allReady,
      double allAvailable,
      List<Double> toPushed,
      List<Double> toWebhook,
      List<Double> toPending,
      List<Double> toSuccess,
      List<Double> toRolledOut,
      int successBeforeRollout,
      double rssAfterCommit,
      double peakRss,
      double heapAfterGc,
      double cpuOfCommit,
      double cpuOfPushes) {}

  private static Operator operator(
      KubeCluster cluster,
      GiteaServer gitea,
      Path jar,
      Path profileDirectory,
      int apps,
      int pushes,
      Baseline baseline)
      throws Exception {
    KubernetesClient client = cluster.client();
    String namespace = cluster.createNamespace("bench");
    String repo = gitea.createRepository("bench");
    int port = freePort();
    Path work = Files.createTempDirectory("loop-benchmark");
    try (OperatorProcess operator =
            OperatorProcess.start(
                jar,
                cluster.kubeconfigFile(),
                port,
                work,
                profileDirectory,
                "--progress-deadline",
                "PT30M");
        GitWorkingCopy copy = GitWorkingCopy.clone(gitea, repo);
        WebhookClock webhookClock = new WebhookClock();
        StatefulSetsAvailable watch =
            new StatefulSetsAvailable(client, Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)) {
      System.out.println("operator: " + String.join(" ", operator.command()));
      System.out.println("operator log: " + operator.log());
      operator.awaitHealthy(Duration.ofMinutes(3));
      gitea.createWebhook(repo, "http://127.0.0.1:" + port + "/hooks/gitea", "bench-secret");
      gitea.createWebhook(repo, webhookClock.url(), "clock-secret");
      GiteaSources.createSecret(client, namespace, gitea, "bench-secret");
      for (int i = 0; i < apps; i++) {
        copy.write(LoopWorkloads.manifestPath(i), LoopWorkloads.manifest(i, "v0"));
      }
      String sha = copy.commitAndPush(apps + " apps");

      long start = System.nanoTime();
      CompletableFuture<Double> available =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  watch.await(apps, LONG);
                  return seconds(start);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              });
      client.resource(source(namespace, gitea, repo)).create();
      awaitState(gitea, repo, sha, "success", LONG, operator);
      double allReady = seconds(start);
      double allAvailable = available.get();
      double rssAfterCommit = operator.peakRssMib();
      double cpuAfterCommit = operator.cpuSeconds();
      System.out.println(
          ShapeCheck.compare(
              baseline.statefulSet(),
              baseline.service(),
              watch.list(),
              client
                  .services()
                  .inAnyNamespace()
                  .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                  .list()
                  .getItems(),
              apps));
      if (profileDirectory != null) {
        operator.jcmd("JFR.stop", "name=initial");
        operator.jcmd(
            "JFR.start",
            "name=pushes",
            "settings=profile",
            "path-to-gc-roots=true",
            "filename=" + profileDirectory.resolve("loop-pushes.jfr"));
      }

      double cpuBeforePushes = operator.cpuSeconds();
      List<Double> toPushed = new ArrayList<>();
      List<Double> toWebhook = new ArrayList<>();
      List<Double> toPending = new ArrayList<>();
      List<Double> toSuccess = new ArrayList<>();
      List<Double> toRolledOut = new ArrayList<>();
      int successBeforeRollout = 0;
      for (int round = 1; round <= pushes; round++) {
        int app = round % apps;
        copy.write(LoopWorkloads.manifestPath(app), LoopWorkloads.manifest(app, "v" + round));
        StatefulSet before = watch.byName("app" + app + "-web");
        String statefulSetNamespace = before.getMetadata().getNamespace();
        String statefulSetName = before.getMetadata().getName();
        long generation = before.getMetadata().getGeneration();
        long pushed = System.nanoTime();
        String next = copy.commitAndPush("change one app, round " + round);
        toPushed.add(seconds(pushed));
        toWebhook.add((webhookClock.awaitArrival(next, Duration.ofMinutes(5)) - pushed) / 1e9);
        awaitState(gitea, repo, next, "pending", Duration.ofMinutes(5), operator);
        toPending.add(seconds(pushed));
        awaitState(gitea, repo, next, "success", Duration.ofMinutes(10), operator);
        toSuccess.add(seconds(pushed));
        // Read from the API server, after success was seen: if it is not rolled out now, it was
        // not when the operator posted success.
        StatefulSet atSuccess =
            client
                .apps()
                .statefulSets()
                .inNamespace(statefulSetNamespace)
                .withName(statefulSetName)
                .get();
        boolean rolledOutAtSuccess =
            atSuccess.getMetadata().getGeneration() > generation
                && StatefulSetsAvailable.rolledOut(atSuccess);
        if (!rolledOutAtSuccess) {
          successBeforeRollout++;
        }
        watch.awaitRolledOut(
            statefulSetNamespace, statefulSetName, generation, Duration.ofMinutes(5));
        toRolledOut.add(seconds(pushed));
        System.out.printf(
            "push %d: git commit+push returned %.2f s, webhook delivered %.2f s, pending %.2f s,"
                + " success %.2f s%s, the app's StatefulSet rolled out %.2f s%n",
            round,
            toPushed.get(round - 1),
            toWebhook.get(round - 1),
            toPending.get(round - 1),
            toSuccess.get(round - 1),
            rolledOutAtSuccess ? "" : " (BEFORE its StatefulSet had rolled out)",
            toRolledOut.get(round - 1));
      }
      double peakRss = operator.peakRssMib();
      double cpuOfPushes = operator.cpuSeconds() - cpuBeforePushes;
      if (profileDirectory != null) {
        operator.jcmd("JFR.stop", "name=pushes");
        System.out.println(operator.jcmd("VM.native_memory", "summary"));
      }
      LiveHeap heap = LiveHeap.measure(operator);
      System.out.println(heap.top(25));
      System.out.println(heap.kinds());
      System.out.println(operator.jcmd("GC.heap_info"));
      return new Operator(
          allReady,
          allAvailable,
          toPushed,
          toWebhook,
          toPending,
          toSuccess,
          toRolledOut,
          successBeforeRollout,
          rssAfterCommit,
          peakRss,
          heap.totalMib(),
          cpuAfterCommit,
          cpuOfPushes);
    }
  }

  private static GitSource source(String namespace, GiteaServer gitea, String repo) {
    // A long interval: webhooks are the path being measured.
    return GiteaSources.gitSource(namespace, "bench", gitea.cloneUrl(repo), gitea, "10m", true);
  }

  /** Waits for {@code state} (or success, which comes after) on {@code sha}; fails on failure. */
  private static void awaitState(
      GiteaServer gitea,
      String repo,
      String sha,
      String state,
      Duration timeout,
      OperatorProcess operator)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode latest = GiteaSources.latestStatus(gitea, repo, sha);
      String status = latest == null ? null : latest.get("status").asText();
      if (state.equals(status) || "success".equals(status)) {
        return;
      }
      if ("failure".equals(status) || "error".equals(status)) {
        throw new IllegalStateException(
            sha + ": " + status + " " + latest.get("description").asText());
      }
      operator.checkAlive();
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "timed out waiting for " + state + " on " + sha + "\n" + operator.logTail());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
