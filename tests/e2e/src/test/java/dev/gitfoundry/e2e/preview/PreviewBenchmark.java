package dev.gitfoundry.e2e.preview;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.testing.Await;
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
 * and waits until nothing of it is left.
 *
 * <p>{@code ./mvnw -B -q -pl tests/e2e test-compile exec:java
 * -Dexec.mainClass=dev.gitfoundry.e2e.preview.PreviewBenchmark -Dexec.classpathScope=test}
 */
public final class PreviewBenchmark {
  private static final Duration LIMIT = Duration.ofMinutes(3);

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Double> openedToSuccess = new ArrayList<>();
    List<Double> closedToGone = new ArrayList<>();
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

        long closed = System.nanoTime();
        loop.closePullRequest(number);
        String namespace = "demo-dev-pr-" + number;
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
            "round %d: PR #%d opened -> preview success %.2f s; closed -> namespace gone %.2f s%n",
            round,
            number,
            openedToSuccess.get(openedToSuccess.size() - 1),
            closedToGone.get(closedToGone.size() - 1));
      }
    }
    System.out.printf(
        "PR opened -> preview success via webhooks over %d rounds: median %.2f s, max %.2f s%n",
        rounds, median(openedToSuccess), Collections.max(openedToSuccess));
    System.out.printf(
        "PR closed -> preview namespace gone: median %.2f s, max %.2f s%n",
        median(closedToGone), Collections.max(closedToGone));
    System.exit(0);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
