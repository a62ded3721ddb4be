package dev.gitfoundry.e2e.preview;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.e2e.bench.BenchLine;
import dev.gitfoundry.e2e.bench.PlainApply;
import dev.gitfoundry.e2e.bench.StatefulSetsAvailable;
import dev.gitfoundry.testing.Await;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time from "pull request opened" to the preview's {@code success} status, through webhooks only
 * (the safety poll runs every 5 minutes, far beyond these times), on the real control plane and
 * Gitea. Each round opens a pull request that changes one of two apps, waits for success, closes it
 * and waits until nothing of it is left. Baseline, in the same round: the preview's StatefulSets
 * and Services copied by plain server-side apply into a new namespace until available, and that
 * namespace removed (workloads deleted by collection, then the namespace) until gone.
 *
 * <p>{@code bash tests/bench.sh previews [rounds]}
 */
public final class PreviewBenchmark {
  private static final Duration LIMIT = Duration.ofMinutes(3);

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace(System.out);
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Double> openedToSuccess = new ArrayList<>();
    List<Double> closedToGone = new ArrayList<>();
    List<Double> baselineAvailable = new ArrayList<>();
    List<Double> baselineGone = new ArrayList<>();
    try (PreviewLoop loop = PreviewLoop.start("preview-bench")) {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("foundation.yml", "domains:\n  - " + PreviewLoop.DOMAIN + "\n");
      files.put("demo/dev/hello/manifest.yml", PullRequestPreviewE2E.hello("hello"));
      files.put(
          "demo/dev/steady/manifest.yml",
          "applications:\n- name: steady\n  docker: {image: busybox}\n  no-route: true\n"
              + "  health-check-type: process\n");
      String main = loop.push("main", "two apps", files);
      loop.createSource("bench", 10);
      loop.awaitState(main, "gitfoundry", "success", LIMIT);

      for (int round = 1; round <= rounds; round++) {
        String branch = "bench-" + round;
        String sha =
            loop.push(
                branch,
                "round " + round,
                Map.of(
                    "demo/dev/hello/manifest.yml", PullRequestPreviewE2E.hello("round " + round)));
        long opened = System.nanoTime();
        int number = loop.openPullRequest(branch, "round " + round);
        loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "success", LIMIT);
        openedToSuccess.add((System.nanoTime() - opened) / 1e9);

        String namespace = "demo-dev-pr-" + number;
        double[] direct = baseline(loop, namespace, "baseline-pr-" + number);
        baselineAvailable.add(direct[0]);
        baselineGone.add(direct[1]);

        long closed = System.nanoTime();
        loop.closePullRequest(number);
        Await.until(
            "preview #" + number + " deleted",
            LIMIT,
            () ->
                loop.client.namespaces().withName(namespace).get() == null
                    && loop.client
                        .resources(CFApp.class)
                        .inAnyNamespace()
                        .withLabel("gitfoundry.dev/pull-request", Integer.toString(number))
                        .list()
                        .getItems()
                        .isEmpty());
        closedToGone.add((System.nanoTime() - closed) / 1e9);
        System.out.printf(
            "round %d: PR #%d opened -> preview success %.2f s (baseline %.2f s); closed ->"
                + " namespace gone %.2f s (baseline %.2f s)%n",
            round,
            number,
            openedToSuccess.get(openedToSuccess.size() - 1),
            direct[0],
            closedToGone.get(closedToGone.size() - 1),
            direct[1]);
      }
    }
    System.out.printf(
        "PR opened -> preview success via webhooks over %d rounds: median %.2f s, max %.2f s%n",
        rounds, median(openedToSuccess), Collections.max(openedToSuccess));
    System.out.printf(
        "PR closed -> preview namespace gone: median %.2f s, max %.2f s%n",
        median(closedToGone), Collections.max(closedToGone));
    System.out.printf(
        "baseline: the same StatefulSets and Services applied directly -> available median %.2f s;"
            + " their namespace deleted -> gone median %.2f s%n",
        median(baselineAvailable), median(baselineGone));
    BenchLine.print("previews.rounds", rounds, "rounds");
    BenchLine.print("previews.open_to_success_p50_s", median(openedToSuccess), "s");
    BenchLine.print("previews.open_to_success_max_s", Collections.max(openedToSuccess), "s");
    BenchLine.print("previews.baseline_available_p50_s", median(baselineAvailable), "s");
    BenchLine.print(
        "previews.open_ratio", median(openedToSuccess) / median(baselineAvailable), "x");
    BenchLine.print("previews.close_to_gone_p50_s", median(closedToGone), "s");
    BenchLine.print("previews.baseline_gone_p50_s", median(baselineGone), "s");
    BenchLine.print("previews.close_ratio", median(closedToGone) / median(baselineGone), "x");
  }

  /**
   * The preview's work done directly: its live StatefulSets and Services copied into {@code target}
   * by plain server-side apply, seconds until available; then {@code target} deleted, seconds until
   * gone.
   */
  private static double[] baseline(PreviewLoop loop, String preview, String target)
      throws Exception {
    List<StatefulSet> statefulSets =
        loop.client.apps().statefulSets().inNamespace(preview).list().getItems();
    List<Service> services = loop.client.services().inNamespace(preview).list().getItems();
    if (statefulSets.isEmpty()) {
      throw new IllegalStateException("no StatefulSets in the preview namespace " + preview);
    }
    String label = "bench.gitfoundry.dev/" + target;
    List<HasMetadata> copies = PlainApply.copies(statefulSets, services, target, label);
    double available;
    try (StatefulSetsAvailable watch = new StatefulSetsAvailable(loop.client, label, "true")) {
      long start = System.nanoTime();
      PlainApply.apply(loop.client, List.of(target), copies, 16);
      watch.await(statefulSets.size(), LIMIT);
      available = (System.nanoTime() - start) / 1e9;
    }
    long start = System.nanoTime();
    PlainApply.deleteNamespaces(loop.client, List.of(target), LIMIT);
    return new double[] {available, (System.nanoTime() - start) / 1e9};
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
