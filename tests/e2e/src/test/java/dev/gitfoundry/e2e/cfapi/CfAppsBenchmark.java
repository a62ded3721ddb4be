package dev.gitfoundry.e2e.cfapi;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppSpec;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFOrgSpec;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.CFSpaceSpec;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.e2e.bench.BenchLine;
import dev.gitfoundry.operator.cfapi.CfApi;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.CfCli;
import dev.gitfoundry.testing.Command;
import dev.gitfoundry.testing.CommandResult;
import dev.gitfoundry.testing.KubeApi;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cf apps} in a space of 1,000 apps: wall time of the real CLI and the time the server spent
 * answering its requests. CFApps are created directly (no reconcilers, so no Pods: every instance
 * reports DOWN). Baseline, in the same run: {@code kubectl get cfapps} of the same namespace, the
 * same apps read straight from the API server by a CLI. Run: {@code bash tests/bench.sh cfapps
 * [apps]}.
 */
public final class CfAppsBenchmark {
  private static final int ROUNDS = 3;

  private CfAppsBenchmark() {}

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
    int appCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    KubeApi api = KubeApi.shared();
    KubernetesClient client = api.client();
    String source = api.createNamespace("bench-src");
    String spaceNamespace = "bench-" + System.nanoTime() % 100000;
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(spaceNamespace).endMetadata().build())
        .create();
    client.resource(org(source)).create();
    client.resource(space(source, spaceNamespace)).create();

    long creating = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> created = new ArrayList<>();
    for (int i = 0; i < appCount; i++) {
      CFApp app = app(spaceNamespace, "app-%04d".formatted(i));
      created.add(pool.submit(() -> client.resource(app).create()));
    }
    for (Future<?> future : created) {
      future.get();
    }
    pool.shutdown();
    System.out.printf(
        "created %d CFApps in %.1f s%n", appCount, (System.nanoTime() - creating) / 1e9);

    CfApi cfApi =
        new CfApi(
            client,
            OperatorConfig.defaults(),
            new dev.gitfoundry.operator.cache.ClusterCaches(client),
            Clock.systemUTC());
    cfApi.start();
    AtomicLong serverNanos = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpHandler timed =
        exchange -> {
          long start = System.nanoTime();
          try {
            cfApi.handler().handle(exchange);
          } finally {
            serverNanos.addAndGet(System.nanoTime() - start);
            requests.incrementAndGet();
          }
        };
    server.createContext("/", timed);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();

    try (CfCli cf = CfCli.create()) {
      String kubeconfig = api.kubeconfigYaml();
      cf.useKubeconfig(kubeconfig);
      cf.run("api", url, "--skip-ssl-validation").orThrow("cf api");
      cf.run("login", "-u", firstUser(kubeconfig), "-o", "bench", "-s", "bench")
          .orThrow("cf login");
      List<Double> walls = new ArrayList<>();
      List<Double> servers = new ArrayList<>();
      List<Double> baselines = new ArrayList<>();
      long requestsPerRound = 0;
      for (int round = 1; round <= ROUNDS; round++) {
        serverNanos.set(0);
        requests.set(0);
        long start = System.nanoTime();
        CommandResult apps = cf.run(Duration.ofMinutes(5), "apps");
        long wall = System.nanoTime() - start;
        long rows = apps.stdout().lines().filter(line -> line.startsWith("app-")).count();
        if (apps.exitCode() != 0 || rows != appCount) {
          throw new IllegalStateException(
              "cf apps: exit " + apps.exitCode() + ", " + rows + " rows\n" + apps.stderr());
        }
        walls.add(wall / 1e6);
        servers.add(serverNanos.get() / 1e6);
        requestsPerRound = requests.get();
        double baseline = kubectlGetCfApps(api, spaceNamespace, appCount);
        baselines.add(baseline);
        System.out.printf(
            "round %d: cf apps %d app rows, wall %.0f ms, server %.0f ms over %d requests;"
                + " baseline kubectl get cfapps %.0f ms%n",
            round, rows, wall / 1e6, serverNanos.get() / 1e6, requests.get(), baseline);
      }
      double wall = BenchLine.percentile(walls, 50);
      double baseline = BenchLine.percentile(baselines, 50);
      BenchLine.print("cfapps.apps", appCount, "apps");
      BenchLine.print("cfapps.cf_apps_p50_ms", wall, "ms");
      BenchLine.print("cfapps.server_p50_ms", BenchLine.percentile(servers, 50), "ms");
      BenchLine.print("cfapps.requests", requestsPerRound, "requests");
      BenchLine.print("cfapps.baseline_kubectl_p50_ms", baseline, "ms");
      BenchLine.print("cfapps.ratio", wall / baseline, "x");
    } finally {
      server.stop(0);
      cfApi.close();
    }
  }

  /** Milliseconds of {@code kubectl get cfapps} listing the space's apps. */
  private static double kubectlGetCfApps(KubeApi api, String namespace, int appCount) {
    long start = System.nanoTime();
    CommandResult listed =
        Command.run(
            List.of(
                Tools.get().binary("kubectl").toString(),
                "--kubeconfig",
                api.kubeconfigFile().toString(),
                "get",
                "cfapps",
                "-n",
                namespace),
            Map.of(),
            Path.of("."),
            Duration.ofMinutes(5));
    double millis = (System.nanoTime() - start) / 1e6;
    long rows = listed.stdout().lines().filter(line -> line.startsWith("app-")).count();
    if (listed.exitCode() != 0 || rows != appCount) {
      throw new IllegalStateException(
          "kubectl get cfapps: exit "
              + listed.exitCode()
              + ", "
              + rows
              + " rows\n"
              + listed.stderr());
    }
    return millis;
  }

  private static CFOrg org(String namespace) {
    CFOrg org = new CFOrg();
    org.getMetadata().setName("bench");
    org.getMetadata().setNamespace(namespace);
    org.getMetadata().setLabels(Map.of(Labels.GUID, UUID.randomUUID().toString()));
    CFOrgSpec spec = new CFOrgSpec();
    spec.setDisplayName("bench");
    spec.setNamespace(namespace + "-org");
    org.setSpec(spec);
    return org;
  }

  private static CFSpace space(String namespace, String spaceNamespace) {
    CFSpace space = new CFSpace();
    space.getMetadata().setName("bench-bench");
    space.getMetadata().setNamespace(namespace);
    space.getMetadata().setLabels(Map.of(Labels.GUID, UUID.randomUUID().toString()));
    CFSpaceSpec spec = new CFSpaceSpec();
    spec.setDisplayName("bench");
    spec.setOrgName("bench");
    spec.setNamespace(spaceNamespace);
    space.setSpec(spec);
    return space;
  }

  private static CFApp app(String namespace, String name) {
    CFApp app = new CFApp();
    app.getMetadata().setName(name);
    app.getMetadata().setNamespace(namespace);
    app.getMetadata().setLabels(Map.of(Labels.GUID, UUID.randomUUID().toString()));
    CFAppSpec spec = new CFAppSpec();
    spec.setDisplayName(name);
    spec.setOrgName("bench");
    spec.setSpaceName("bench-bench");
    spec.setDesiredState(DesiredState.STARTED);
    ProcessSpec web = new ProcessSpec();
    web.setType("web");
    web.setInstances(2);
    web.setMemoryMB(256L);
    web.setDiskMB(1024L);
    spec.setProcesses(List.of(web));
    app.setSpec(spec);
    return app;
  }

  private static String firstUser(String kubeconfig) {
    Matcher matcher =
        Pattern.compile("users:\\s*\\n\\s*-\\s+name:\\s*\"?([^\"\\s]+)").matcher(kubeconfig);
    if (!matcher.find()) {
      throw new IllegalStateException("no user in kubeconfig");
    }
    return matcher.group(1);
  }
}
