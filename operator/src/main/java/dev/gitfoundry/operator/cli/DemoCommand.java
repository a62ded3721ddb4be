package dev.gitfoundry.operator.cli;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.local.GitWorkingCopy;
import dev.gitfoundry.local.LocalCluster;
import dev.gitfoundry.local.LocalGitea;
import dev.gitfoundry.local.ToolCache;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
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

  @Override
  public Integer call() throws Exception {
    Path repository = ToolCache.repositoryRoot().resolve(example);
    if (!Files.isDirectory(repository)) {
      throw new IllegalArgumentException("no such example repository: " + repository);
    }
    step(
        "Local components (built once into "
            + ToolCache.directory()
            + "; about 30 minutes the first time)");
    ToolCache.get();
    step("Starting the control plane: kube-apiserver, etcd, controller-manager, scheduler, kwok");
    try (LocalCluster cluster = LocalCluster.start();
        LocalGitea gitea = LocalGitea.start()) {
      KubernetesClient client = cluster.client();
      step("Gitea at " + gitea.baseUrl() + " (user " + LocalGitea.ADMIN_USER + ")");
      String repo = gitea.createRepository("manifests");
      String sha;
      try (GitWorkingCopy copy = GitWorkingCopy.clone(gitea, repo)) {
        sha =
            copy.replaceWith(repository).commitAndPush("Add " + repository.getFileName() + " apps");
      }
      step("Pushed " + example + " to " + gitea.cloneUrl(repo) + " as " + sha.substring(0, 12));

      URI publicUrl = URI.create("http://127.0.0.1:" + port);
      OperatorConfig config = OperatorConfig.defaults().withPublicBaseUrl(publicUrl);
      try (GitfoundryOperator operator =
          new GitfoundryOperator(
              client,
              config,
              Files.createTempDirectory("gitfoundry-git"),
              new InetSocketAddress("127.0.0.1", port),
              Clock.systemUTC())) {
        operator.start();
        step("Operator running: " + publicUrl + " (/status, /metrics, /hooks/gitea)");
        gitea.createWebhook(repo, publicUrl + "/hooks/gitea", "demo-webhook-secret");
        createSource(client, gitea, repo);
        step(
            "GitSource "
                + NAMESPACE
                + "/demo created; watching the commit status on "
                + sha.substring(0, 12));
        boolean success = followCommitStatus(gitea, repo, sha);
        printApps(client);
        printNextSteps(cluster, gitea, repo, publicUrl, sha);
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
    source.getMetadata().setName("demo");
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
    source.setSpec(spec);
    client.resource(source).create();
  }

  /** Prints each new commit status as it appears; true once it is success. */
  private boolean followCommitStatus(LocalGitea gitea, String repo, String sha)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(LOOP_TIMEOUT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
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

  private void printNextSteps(
      LocalCluster cluster, LocalGitea gitea, String repo, URI publicUrl, String sha) {
    Path kubectl = ToolCache.get().binary("kubectl");
    out.println("\nTry it:");
    out.println("  export KUBECONFIG=" + cluster.kubeconfigFile());
    out.println("  " + kubectl + " get gitsources,cfapps,cfroutes -A");
    out.println("  " + kubectl + " get pods -A -l gitfoundry.dev/app");
    out.println(
        "  curl -s -H 'Accept: application/json' "
            + publicUrl
            + "/status/"
            + NAMESPACE
            + "/demo/"
            + sha);
    out.println(
        "  git clone "
            + gitea.authenticatedCloneUrl(repo)
            + " manifests   # edit, commit, push: watch it roll");
    // The read-only CF API: the cf CLI logs in with the kubeconfig's (client certificate) user.
    Path cf = ToolCache.get().binary("cf");
    out.println("\nThe cf CLI, read-only (writes answer with the repository to push to):");
    out.println("  " + cf + " api " + publicUrl + " --skip-ssl-validation");
    out.println("  " + cf + " login -u " + kubeconfigUser(cluster));
    out.println("  " + cf + " orgs && " + cf + " spaces && " + cf + " apps");
    out.println("  " + cf + " app hello && " + cf + " routes && " + cf + " domains");
    out.println("  " + cf + " curl /v3/apps");
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

  private void awaitCtrlC() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
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
