package dev.gitfoundry.operator.source;

import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import dev.gitfoundry.testing.KubeApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API writes caused by a one-app change in a large repository, against a real kube-apiserver: the
 * first apply writes everything; an unchanged re-apply (the baseline) and a one-app change must
 * write only what changed. Run with {@code ./mvnw -q -pl operator test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.gitfoundry.operator.source.ApplyBenchmark
 * [-Dexec.args=5000]}.
 */
public final class ApplyBenchmark {
  private ApplyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    try (KubeApi api = KubeApi.start()) {
      KubernetesClient client = api.client();
      String namespace = api.createNamespace("bench");
      Applier applier = new Applier(client);
      Compilation first = compile(apps, "v1", namespace);
      long start = System.nanoTime();
      Applier.Result initial =
          applier.apply("bench", namespace, "main@sha1:1", first.objects(), List.of(), true);
      double initialSeconds = (System.nanoTime() - start) / 1e9;

      start = System.nanoTime();
      Applier.Result unchanged =
          applier.apply(
              "bench", namespace, "main@sha1:2", first.objects(), initial.inventory(), true);
      double unchangedSeconds = (System.nanoTime() - start) / 1e9;

      Compilation changed = compile(apps, "v2", namespace);
      start = System.nanoTime();
      Applier.Result oneApp =
          applier.apply(
              "bench", namespace, "main@sha1:3", changed.objects(), unchanged.inventory(), true);
      double oneAppSeconds = (System.nanoTime() - start) / 1e9;

      System.out.printf("apps=%d objects=%d%n", apps, first.objects().size());
      System.out.printf(
          "first apply:            %6d writes  %7.1f s%n", initial.written(), initialSeconds);
      System.out.printf(
          "unchanged re-apply:     %6d writes  %7.1f s (baseline: lists only)%n",
          unchanged.written(), unchangedSeconds);
      System.out.printf(
          "one app's env changed:  %6d writes  %7.1f s, %d pruned%n",
          oneApp.written(), oneAppSeconds, oneApp.pruned());
      System.out.printf(
          "writes ratio one-app change / first apply: %.5f%n",
          (double) oneApp.written() / initial.written());
    }
  }

  /** {@code apps} apps in 10 orgs × 10 spaces; {@code version} changes app0's env only. */
  private static Compilation compile(int apps, String version, String namespace) {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    for (int i = 0; i < apps; i++) {
      String dir = "org" + (i % 10) + "/space" + (i / 10 % 10) + "/app" + i;
      String env = i == 0 ? version : "v1";
      String manifest =
          "applications:\n- name: app"
              + i
              + "\n  docker: {image: busybox}\n  memory: 64M\n"
              + "  routes: [{route: app"
              + i
              + ".apps.example.com}]\n  env: {VERSION: "
              + env
              + "}\n";
      files.put(
          dir + "/manifest.yml",
          SourceTree.SourceFile.regular(manifest.getBytes(StandardCharsets.UTF_8)));
    }
    Compilation compilation =
        ManifestCompiler.compile(
            SourceTree.of(files),
            CompilerSettings.forSource("bench", namespace, "")
                .withDomains(List.of(DomainSpec.shared("apps.example.com"))));
    if (!compilation.valid()) {
      throw new IllegalStateException(compilation.errors().get(0).format());
    }
    return compilation;
  }
}
