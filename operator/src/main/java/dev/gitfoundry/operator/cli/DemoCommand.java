package dev.gitfoundry.operator.cli;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.local.Crds;
import dev.gitfoundry.local.GitWorkingCopy;
import dev.gitfoundry.local.LocalCluster;
import dev.gitfoundry.local.LocalGitea;
import dev.gitfoundry.local.ToolCache;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.workload.StagingConfig;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gitfoundry demo}: the whole loop on this machine with no cluster and no Docker — a local
 * control plane (kube-apiserver, etcd, controller-manager, scheduler, kwok), a local Gitea with the
 * example repository pushed, and the operator — until Ctrl-C.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole loop locally: control plane, Gitea, example repository, operator. Ctrl-C stops it.")
public final class DemoCommand implements Callable<Integer> {
  private static final String NAMESPACE = "gitfoundry-demo";
  private static final String SOURCE = "demo";

  /** Where the stand-in builder says kpack pushed images: a local name, nothing is pushed. */
  private static final String DEMO_REGISTRY = "localhost:5000/gitfoundry-demo";

  private static final Duration LOOP_TIMEOUT = Duration.ofMinutes(5);

  @Option(
      names = "--repository",
      defaultValue = "examples/repos/hello",
      description = "The manifests repository to push (default: ${DEFAULT-VALUE}).")
  Path example;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "The operator's HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--exit-when-ready",
      description = "Stop once the commit status is success (for scripts and tests).")
  boolean exitWhenReady;

  private final PrintStream out = System.out;
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    try {
      return run();
    } finally {
      stopped.countDown();
    }
  }

  private Integer run() throws Exception {
    Path repository = ToolCache.repositoryRoot().resolve(example);
    if (!Files.isDirectory(repository)) {
      throw new IllegalArgumentException("no such example repository: " + repository);
    }
    OperatorConfig config =
        OperatorConfig.defaults()
            .withPublicBaseUrl(URI.create("http://127.0.0.1:" + port))
            .withStaging(new StagingConfig(DEMO_REGISTRY, "default", "default"));
    DemoExample compiled =
        DemoExample.compile(repository, SOURCE, NAMESPACE, config.defaultDomain());
    DemoServiceInstances services = compiled.serviceInstances();
    step(
        "Local components (built once into "
            + ToolCache.directory()
            + "; about 30 minutes the first time)");
    ToolCache.get();
    step("Starting the control plane: kube-apiserver, etcd, controller-manager, scheduler, kwok");
    try (LocalCluster cluster = LocalCluster.start();
        LocalGitea gitea = LocalGitea.start();
        DemoKpackBuilder kpack = installKpack(cluster.client())) {
      KubernetesClient client = cluster.client();
      step("Gitea at " + gitea.baseUrl() + " (user " + LocalGitea.ADMIN_USER + ")");
      printServiceInstances(services);
      String repo = gitea.createRepository("manifests");
      String sha;
      try (GitWorkingCopy copy = GitWorkingCopy.clone(gitea, repo)) {
        sha =
            copy.replaceWith(repository).commitAndPush("Add " + repository.getFileName() + " apps");
      }
      step("Pushed " + example + " to " + gitea.cloneUrl(repo) + " as " + sha.substring(0, 12));

      URI publicUrl = config.publicBaseUrl();
      try (GitfoundryOperator operator =
          new GitfoundryOperator(
              client,
              config,
              Files.createTempDirectory("gitfoundry-git"),
              new InetSocketAddress("127.0.0.1", port),
              Clock.systemUTC())) {
        operator.start();
        step(
            "Operator running: "
                + publicUrl
                + " (/status, /hooks/gitea); metrics: http://127.0.0.1:"
                + operator.metricsPort()
                + "/metrics");
        gitea.createWebhook(repo, publicUrl + "/hooks/gitea", "demo-webhook-secret");
        createSource(client, gitea, repo);
        step(
            "GitSource "
                + NAMESPACE
                + "/"
                + SOURCE
                + " created (previews enabled); watching the commit status on "
                + sha.substring(0, 12));
        boolean success = followCommitStatus(gitea, repo, sha, client, services);
        printApps(client);
        new DemoGuide(
                cluster.kubeconfigFile(),
                ToolCache.get().binary("kubectl"),
                ToolCache.get().binary("cf"),
                kubeconfigUser(cluster),
                publicUrl,
                "/status/" + NAMESPACE + "/" + SOURCE + "/" + sha,
                gitea.authenticatedCloneUrl(repo),
                gitea.apiUrl(),
                gitea.token(),
                repo,
                compiled.firstApp())
            .print(out);
        if (!success) {
          out.println(
              "The commit did not reach success in "
                  + LOOP_TIMEOUT.toMinutes()
                  + " minutes; see the status above.");
          return 1;
        }
        if (!exitWhenReady) {
          out.println("\nPress Ctrl-C to stop everything.");
          awaitCtrlC();
        }
      }
    }
    out.println("Stopped; nothing is left running.");
    return 0;
  }

  /**
   * kpack's released CRDs, so the operator takes the kpack path for buildpack apps, and the demo's
   * stand-in builder: the nodes are simulated, so nothing could build or run an image.
   */
  private DemoKpackBuilder installKpack(KubernetesClient client) {
    int crds = Crds.installFrom(ToolCache.get().kpackConfig(), client);
    step(
        "kpack's CRDs installed ("
            + crds
            + ", as released) with a STAND-IN builder for this demo only: the nodes are"
            + " simulated by kwok, so kpack Images are marked built as "
            + DEMO_REGISTRY
            + "/<space>/<app>@sha256:… and nothing is built");
    return DemoKpackBuilder.start(client);
  }

  private void printServiceInstances(DemoServiceInstances services) {
    if (services.pending().isEmpty()) {
      return;
    }
    step(
        "The apps bind service instances: as a platform team would, the demo creates their"
            + " Secrets (made-up credentials) once the operator has created each space:");
    Path kubectl = ToolCache.get().binary("kubectl");
    services.pending().forEach(i -> out.println("    " + i.kubectlCommand(kubectl.toString())));
  }

  private void createSource(KubernetesClient client, LocalGitea gitea, String repo) {
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("forge")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withStringData(Map.of("token", gitea.token(), "secret", "demo-webhook-secret"))
                .build())
        .serverSideApply();
    GitSource source = new GitSource();
    source.getMetadata().setName(SOURCE);
    source.getMetadata().setNamespace(NAMESPACE);
    GitSourceSpec spec = new GitSourceSpec();
    spec.setUrl(gitea.cloneUrl(repo));
    spec.setBranch("main");
    spec.setInterval("30s");
    ForgeSpec forge = new ForgeSpec();
    forge.setType(ForgeType.GITEA);
    forge.setApiUrl(gitea.apiUrl());
    forge.setTokenSecretRef(ref("forge", "token"));
    forge.setWebhookSecretRef(ref("forge", "secret"));
    spec.setForge(forge);
    PreviewSpec previews = new PreviewSpec();
    previews.setEnabled(true);
    spec.setPreviews(previews);
    source.setSpec(spec);
    client.resource(source).create();
  }

  /**
   * Prints each new commit status as it appears, creating the service instances' Secrets once their
   * spaces exist; true once the status is success.
   */
  private boolean followCommitStatus(
      LocalGitea gitea,
      String repo,
      String sha,
      KubernetesClient client,
      DemoServiceInstances services)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(LOOP_TIMEOUT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      services
          .createWhereNamespacesExist(client)
          .forEach(i -> step("Secret " + i.namespace() + "/" + i.name() + " created"));
      var latest =
          gitea.commitStatuses(repo, sha).stream()
              .max(Comparator.comparingLong(s -> s.get("id").asLong()))
              .orElse(null);
      if (latest != null) {
        String line =
            latest.get("status").asText() + " \"" + latest.get("description").asText() + "\"";
        if (!line.equals(last)) {
          step("commit status gitfoundry: " + line);
          last = line;
        }
        if ("success".equals(latest.get("status").asText())) {
          return true;
        }
        if ("failure".equals(latest.get("status").asText())
            || "error".equals(latest.get("status").asText())) {
          return false;
        }
      }
      Thread.sleep(500);
    }
    return false;
  }

  private void printApps(KubernetesClient client) {
    out.printf("%n%-16s %-12s %-8s %-10s %s%n", "NAMESPACE", "NAME", "READY", "INSTANCES", "URL");
    for (CFApp app : client.resources(CFApp.class).inAnyNamespace().list().getItems()) {
      String ready =
          app.getStatus() == null
              ? "Unknown"
              : Conditions.get(app.getStatus(), Conditions.READY)
                  .map(c -> c.getStatus())
                  .orElse("Unknown");
      String instances =
          app.getStatus() == null || app.getStatus().getProcesses() == null
              ? "-"
              : app.getStatus().getProcesses().stream()
                  .map(
                      p ->
                          p.getType() + " " + p.getReadyInstances() + "/" + p.getDesiredInstances())
                  .reduce((a, b) -> a + ", " + b)
                  .orElse("-");
      String url =
          app.getStatus() == null
                  || app.getStatus().getUrls() == null
                  || app.getStatus().getUrls().isEmpty()
              ? ""
              : app.getStatus().getUrls().get(0);
      out.printf(
          "%-16s %-12s %-8s %-10s %s%n",
          app.getMetadata().getNamespace(), app.getSpec().getDisplayName(), ready, instances, url);
    }
  }

  private static String kubeconfigUser(LocalCluster cluster) {
    try {
      return io.fabric8.kubernetes.client.Config.fromKubeconfig(
              java.nio.file.Files.readString(cluster.kubeconfigFile()))
          .getCurrentContext()
          .getContext()
          .getUser();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Returns on Ctrl-C (or SIGTERM). The JVM exits once its shutdown hooks end, so the hook waits
   * (boundedly) until {@link #run()} has closed everything and said so.
   */
  private void awaitCtrlC() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    stopped.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    stop.await();
  }

  private void step(String message) {
    out.println("==> " + message);
  }

  private static SecretKeyRef ref(String name, String key) {
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName(name);
    ref.setKey(key);
    return ref;
  }
}
