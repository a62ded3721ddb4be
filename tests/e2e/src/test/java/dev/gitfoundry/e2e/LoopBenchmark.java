package dev.gitfoundry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's loop at scale on the real control plane and Gitea, through webhooks: (b) one
 * commit of N apps until every app is Ready, with the operator JVM's peak RSS; (a) push → {@code
 * pending} and push → {@code success} for one-app changes in that repository. Run with {@code
 * ./mvnw -q -pl tests/e2e test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.gitfoundry.e2e.LoopBenchmark [-Dexec.args="1000 20"]}.
 */
public final class LoopBenchmark {
  private LoopBenchmark() {}

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int pushes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (KubeCluster cluster = KubeCluster.start();
        GiteaServer gitea = GiteaServer.start()) {
      KubernetesClient client = cluster.client();
      String namespace = cluster.createNamespace("bench");
      String repo = gitea.createRepository("bench");
      int port = freePort();
      try (GitfoundryOperator operator =
              new GitfoundryOperator(
                  client,
                  OperatorConfig.defaults().withProgressDeadline(Duration.ofMinutes(30)),
                  Files.createTempDirectory("git-cache"),
                  new InetSocketAddress("127.0.0.1", port),
                  Clock.systemUTC());
          GitWorkingCopy copy = GitWorkingCopy.clone(gitea, repo)) {
        operator.start();
        gitea.createWebhook(repo, "http://127.0.0.1:" + port + "/hooks/gitea", "bench-secret");
        GiteaSources.createSecret(client, namespace, gitea, "bench-secret");
        for (int i = 0; i < apps; i++) {
          copy.write(manifestPath(i), manifest(i, "v0"));
        }
        String sha = copy.commitAndPush(apps + " apps");
        long start = System.nanoTime();
        client.resource(source(namespace, gitea, repo)).create();
        awaitState(gitea, repo, sha, "success", Duration.ofMinutes(30));
        double allReady = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "(b) %d apps, one commit -> all Ready (status success): %.1f s; operator JVM peak RSS %d MB%n",
            apps, allReady, peakRssMb());

        List<Double> toPending = new ArrayList<>();
        List<Double> toSuccess = new ArrayList<>();
        for (int round = 1; round <= pushes; round++) {
          copy.write(manifestPath(round % apps), manifest(round % apps, "v" + round));
          long pushed = System.nanoTime();
          String next = copy.commitAndPush("change one app, round " + round);
          awaitState(gitea, repo, next, "pending", Duration.ofMinutes(5));
          toPending.add((System.nanoTime() - pushed) / 1e9);
          awaitState(gitea, repo, next, "success", Duration.ofMinutes(10));
          toSuccess.add((System.nanoTime() - pushed) / 1e9);
        }
        System.out.printf(
            "(a) one-app change in %d apps, %d pushes via webhook: push->pending p50 %.2f s p95 %.2f s;"
                + " push->success p50 %.2f s p95 %.2f s%n",
            apps,
            pushes,
            percentile(toPending, 50),
            percentile(toPending, 95),
            percentile(toSuccess, 50),
            percentile(toSuccess, 95));
        System.out.printf("    operator JVM peak RSS after the pushes: %d MB%n", peakRssMb());
      }
    }
  }

  private static String manifestPath(int app) {
    return "bench/space" + (app % 10) + "/app" + app + "/manifest.yml";
  }

  private static String manifest(int app, String version) {
    return "applications:\n- name: app"
        + app
        + "\n  docker: {image: busybox}\n  memory: 32M\n"
        + "  disk_quota: 64M\n  no-route: true\n  health-check-type: process\n"
        + "  env: {VERSION: "
        + version
        + "}\n";
  }

  private static GitSource source(String namespace, GiteaServer gitea, String repo) {
    // A long interval: webhooks are the path being measured.
    return GiteaSources.gitSource(namespace, "bench", gitea.cloneUrl(repo), gitea, "10m", true);
  }

  private static void awaitState(
      GiteaServer gitea, String repo, String sha, String state, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode latest = GiteaSources.latestStatus(gitea, repo, sha);
      if (latest != null
          && (state.equals(latest.get("status").asText())
              || "success".equals(latest.get("status").asText()))) {
        return;
      }
      if (latest != null
          && ("failure".equals(latest.get("status").asText())
              || "error".equals(latest.get("status").asText()))) {
        throw new IllegalStateException(
            sha + ": " + latest.get("status").asText() + " " + latest.get("description").asText());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("timed out waiting for " + state + " on " + sha);
  }

  private static double percentile(List<Double> values, int percentile) {
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** VmHWM: the peak resident set of this JVM, where the operator runs. */
  private static long peakRssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
      }
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
