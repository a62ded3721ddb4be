package dev.gitfoundry.operator.cli;

import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.config.RoutingMode;
import dev.gitfoundry.operator.config.Tuning;
import dev.gitfoundry.operator.kube.KubernetesClients;
import dev.gitfoundry.operator.workload.StagingConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gitfoundry run}: the operator. Every option also reads an environment variable. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the operator: poll GitSources, apply their manifests, report commit statuses.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--namespace",
      split = ",",
      defaultValue = "${env:GITFOUNDRY_NAMESPACES:-}",
      description =
          "Namespaces to serve: GitSource namespaces and the space Namespaces of their apps"
              + " (default: all). Env GITFOUNDRY_NAMESPACES.")
  List<String> namespaces;

  @Option(
      names = "--default-domain",
      defaultValue = "${env:GITFOUNDRY_DEFAULT_DOMAIN:-apps.127.0.0.1.nip.io}",
      description =
          "Domain for default routes when foundation.yml names none (default: ${DEFAULT-VALUE}).")
  String defaultDomain;

  @Option(
      names = "--routing",
      defaultValue = "${env:GITFOUNDRY_ROUTING:-ingress}",
      description = "gateway (HTTPRoute) or ingress (default: ${DEFAULT-VALUE}).")
  String routing;

  @Option(
      names = "--gateway",
      defaultValue = "${env:GITFOUNDRY_GATEWAY:-}",
      description = "Parent Gateway of HTTPRoutes, namespace/name.")
  String gateway;

  @Option(
      names = "--ingress-class",
      defaultValue = "${env:GITFOUNDRY_INGRESS_CLASS:-}",
      description = "IngressClass of generated Ingresses (default: the cluster default).")
  String ingressClass;

  @Option(
      names = "--public-url",
      defaultValue = "${env:GITFOUNDRY_PUBLIC_URL:-http://127.0.0.1:8080}",
      description =
          "Where users reach this operator; used in commit status links (default: ${DEFAULT-VALUE}).")
  URI publicUrl;

  @Option(
      names = "--port",
      defaultValue = "${env:GITFOUNDRY_PORT:-8080}",
      description =
          "HTTP port: health, webhooks, status pages, CF API (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:GITFOUNDRY_METRICS_PORT:-9090}",
      description =
          "Port of /metrics (Prometheus), kept apart from --port so that exposing the operator"
              + " never exposes its metrics; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "${env:GITFOUNDRY_LEADER_ELECTION:-true}",
      fallbackValue = "true",
      description = "Take a Lease before reconciling (default: ${DEFAULT-VALUE}).")
  boolean leaderElection;

  @Option(
      names = "--operator-namespace",
      defaultValue = "${env:POD_NAMESPACE:-gitfoundry-system}",
      description = "Namespace of the leader-election Lease (default: ${DEFAULT-VALUE}).")
  String operatorNamespace;

  @Option(
      names = "--leader-identity",
      defaultValue = "${env:POD_NAME:-}",
      description = "This replica's name in the Lease (default: env POD_NAME, else the host name).")
  String leaderIdentity;

  @Option(
      names = "--progress-deadline",
      defaultValue = "${env:GITFOUNDRY_PROGRESS_DEADLINE:-PT5M}",
      description =
          "How long apps may take to become ready before the commit fails, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration progressDeadline;

  @Option(
      names = "--apply-concurrency",
      defaultValue = "${env:GITFOUNDRY_APPLY_CONCURRENCY:-16}",
      description =
          "API calls one delivery makes at once: dry-run, apply and prune (default: ${DEFAULT-VALUE}).")
  int applyConcurrency;

  @Option(
      names = "--workload-concurrency",
      defaultValue = "${env:GITFOUNDRY_WORKLOAD_CONCURRENCY:-20}",
      description =
          "CFOrg, CFSpace, CFApp and CFRoute reconciles running at once (default: ${DEFAULT-VALUE}).")
  int workloadConcurrency;

  @Option(
      names = "--kube-api-qps",
      defaultValue = "${env:GITFOUNDRY_KUBE_API_QPS:-0}",
      description =
          "Client-side limit of API requests per second; 0 turns it off and leaves fairness to the"
              + " API server (default: ${DEFAULT-VALUE}).")
  double kubeApiQps;

  @Option(
      names = "--kube-api-burst",
      defaultValue = "${env:GITFOUNDRY_KUBE_API_BURST:-0}",
      description =
          "Requests allowed above --kube-api-qps for a moment (default: ${DEFAULT-VALUE}).")
  int kubeApiBurst;

  @Option(
      names = "--image-registry",
      defaultValue = "${env:GITFOUNDRY_IMAGE_REGISTRY:-}",
      description =
          "Where kpack pushes the images of buildpack apps, <registry>/<path> (images are"
              + " <prefix>/<namespace>/<app>); without it buildpack apps report StagingUnavailable.")
  String imageRegistry;

  @Option(
      names = "--kpack-builder",
      defaultValue = "${env:GITFOUNDRY_KPACK_BUILDER:-default}",
      description =
          "The kpack ClusterBuilder buildpack apps are built with (default: ${DEFAULT-VALUE}).")
  String kpackBuilder;

  @Option(
      names = "--kpack-service-account",
      defaultValue = "${env:GITFOUNDRY_KPACK_SERVICE_ACCOUNT:-default}",
      description =
          "Service account in each space Namespace that kpack builds as, holding the registry and Git"
              + " credentials (default: ${DEFAULT-VALUE}).")
  String kpackServiceAccount;

  @Option(
      names = "--cache-dir",
      defaultValue = "${env:GITFOUNDRY_CACHE_DIR:-${sys:java.io.tmpdir}/gitfoundry-git}",
      description = "Where fetched repositories are cached (default: ${DEFAULT-VALUE}).")
  Path cacheDir;

  @Override
  public Integer call() throws Exception {
    if (metricsPort != 0 && metricsPort == port) {
      throw new ParameterException(
          spec.commandLine(),
          "--metrics-port must differ from --port (" + port + "): /metrics has a port of its own");
    }
    OperatorConfig config =
        new OperatorConfig(
            new HashSet<>(namespaces.stream().filter(n -> !n.isBlank()).toList()),
            defaultDomain,
            RoutingMode.valueOf(routing.toUpperCase(java.util.Locale.ROOT)),
            gateway.isBlank() ? null : gateway,
            ingressClass.isBlank() ? null : ingressClass,
            publicUrl,
            progressDeadline,
            leaderElection,
            operatorNamespace,
            leaderIdentity.isBlank() ? null : leaderIdentity,
            true,
            new StagingConfig(
                imageRegistry.isBlank() ? null : imageRegistry, kpackBuilder, kpackServiceAccount),
            new Tuning(applyConcurrency, workloadConcurrency, kubeApiQps, kubeApiBurst),
            metricsPort);
    KubernetesClient client = KubernetesClients.create(config.tuning());
    GitfoundryOperator operator =
        new GitfoundryOperator(
            client, config, cacheDir, new InetSocketAddress(port), Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    operator.close();
                  } catch (Exception e) {
                    System.err.println("error while stopping: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    operator.start();
    System.out.println(
        "gitfoundry operator running; http on :"
            + operator.httpPort()
            + ", metrics on :"
            + operator.metricsPort());
    stopped.await();
    return 0;
  }
}
