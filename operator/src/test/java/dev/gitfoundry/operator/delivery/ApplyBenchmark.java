package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import dev.gitfoundry.testing.KubeApi;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The delivery pipeline against a real kube-apiserver at scale: the first apply of a repository of
 * N apps (dry-run of everything, then parallel apply in dependency order), an unchanged re-apply
 * and a one-app change, each compared with the physical limit measured in the same run: the same
 * objects written straight to the API server by plain parallel server-side apply, with the same
 * concurrency. Run with {@code bash tests/bench.sh apply [apps]}.
 */
public final class ApplyBenchmark {
  private static final int CONCURRENCY = 16;

  private ApplyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try (KubeApi api = KubeApi.start()) {
      KubernetesClient client = api.client();
      String home = api.createNamespace("bench");

      Compilation baseline = compile(apps, "v1", home, "base");
      long start = System.nanoTime();
      plainParallelApply(client, pool, baseline.objects());
      double baselineSeconds = seconds(start);

      InformerLiveState live =
          new InformerLiveState(
              client, Set.of(), new dev.gitfoundry.operator.cache.ClusterCaches(client));
      live.start();
      DeliveryPipeline pipeline =
          new DeliveryPipeline(live, new KubernetesClusterWriter(client), new ParallelWrites(pool));
      DeliveryScope scope =
          new DeliveryScope(
              Map.of(Labels.SOURCE, "bench", Labels.SOURCE_NAMESPACE, home),
              "gitfoundry",
              Set.of(),
              true);
      Compilation first = compile(apps, "v1", home, "org");
      start = System.nanoTime();
      DeliveryResult initial = pipeline.deliver(delivery(scope, "main@sha1:1", first, List.of()));
      double firstSeconds = seconds(start);
      awaitCache(live, scope, ObjectRef.of(initial.plan().inventory()).size());

      start = System.nanoTime();
      DeliveryResult unchanged =
          pipeline.deliver(delivery(scope, "main@sha1:2", first, initial.plan().inventory()));
      double unchangedSeconds = seconds(start);

      Compilation changed = compile(apps, "v2", home, "org");
      start = System.nanoTime();
      DeliveryResult oneApp =
          pipeline.deliver(delivery(scope, "main@sha1:3", changed, unchanged.plan().inventory()));
      double oneAppSeconds = seconds(start);
      live.close();

      System.out.printf(
          "%d apps, %d objects (+ namespaces), concurrency %d%n",
          apps, first.objects().size(), CONCURRENCY);
      System.out.printf("baseline: plain parallel server-side apply %8.1f s%n", baselineSeconds);
      System.out.printf(
          "first delivery (dry-run + apply) %6d writes %8.1f s%n", initial.written(), firstSeconds);
      System.out.printf(
          "unchanged re-delivery           %6d writes %8.3f s%n",
          unchanged.written(), unchangedSeconds);
      System.out.printf(
          "one app's env changed           %6d writes %8.3f s%n", oneApp.written(), oneAppSeconds);
      bench("apply.baseline_first_s", baselineSeconds, "s");
      bench("apply.first_s", firstSeconds, "s");
      bench("apply.first_ratio", firstSeconds / baselineSeconds, "x");
      bench("apply.first_writes", initial.written(), "writes");
      bench("apply.unchanged_s", unchangedSeconds, "s");
      bench("apply.unchanged_writes", unchanged.written(), "writes");
      bench("apply.one_app_s", oneAppSeconds, "s");
      bench("apply.one_app_writes", oneApp.written(), "writes");
    } finally {
      pool.shutdownNow();
    }
  }

  private static Delivery delivery(
      DeliveryScope scope,
      String revision,
      Compilation compilation,
      List<dev.gitfoundry.api.v1alpha1.InventoryEntry> previous) {
    return new Delivery(
        scope,
        revision,
        namespaces(compilation.objects()),
        compilation.objects(),
        previous,
        true,
        true);
  }

  /** The baseline: namespaces, then every object, all at once on the same pool; no checks. */
  private static void plainParallelApply(
      KubernetesClient client, ExecutorService pool, List<HasMetadata> objects) throws Exception {
    List<Future<?>> writes = new ArrayList<>();
    for (String namespace : namespaces(objects)) {
      writes.add(
          pool.submit(
              () ->
                  client
                      .resource(
                          new NamespaceBuilder()
                              .withNewMetadata()
                              .withName(namespace)
                              .endMetadata()
                              .build())
                      .fieldManager("baseline")
                      .forceConflicts()
                      .serverSideApply()));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    writes.clear();
    for (HasMetadata object : objects) {
      HasMetadata prepared = object instanceof Secret secret ? encoded(secret) : object;
      writes.add(
          pool.submit(
              () ->
                  client
                      .resource(prepared)
                      .fieldManager("baseline")
                      .forceConflicts()
                      .serverSideApply()));
    }
    for (Future<?> write : writes) {
      write.get();
    }
  }

  private static void awaitCache(InformerLiveState live, DeliveryScope scope, int objects)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (live.owned(scope.owner()).size() < objects && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static List<String> namespaces(List<HasMetadata> objects) {
    TreeSet<String> namespaces = new TreeSet<>();
    for (HasMetadata object : objects) {
      if (object instanceof CFSpace space) {
        namespaces.add(space.getSpec().getNamespace());
      } else if (object instanceof CFOrg org) {
        namespaces.add(org.getSpec().getNamespace());
      }
    }
    return List.copyOf(namespaces);
  }

  private static Secret encoded(Secret secret) {
    if (secret.getStringData() == null) {
      return secret;
    }
    Map<String, String> data = new LinkedHashMap<>();
    secret
        .getStringData()
        .forEach(
            (k, v) ->
                data.put(
                    k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder(secret).withStringData(null).withData(data).build();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void bench(String name, double value, String unit) {
    System.out.printf(
        "bench %s %s %s%n",
        name,
        value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.3f", value),
        unit);
  }

  /** {@code apps} apps in 10 orgs × 10 spaces; {@code version} changes app0's env only. */
  private static Compilation compile(int apps, String version, String namespace, String orgPrefix) {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    for (int i = 0; i < apps; i++) {
      String dir = orgPrefix + (i % 10) + "/space" + (i / 10 % 10) + "/app" + i;
      String env = i == 0 ? version : "v1";
      String manifest =
          "applications:\n- name: app"
              + i
              + "\n  docker: {image: busybox}\n  memory: 64M\n"
              + "  routes: [{route: "
              + orgPrefix
              + "app"
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
            CompilerSettings.forSource(
                    orgPrefix.equals("base") ? "baseline" : "bench", namespace, "")
                .withDomains(List.of(DomainSpec.shared("apps.example.com"))));
    if (!compilation.valid()) {
      throw new IllegalStateException(compilation.errors().get(0).format());
    }
    return compilation;
  }
}
