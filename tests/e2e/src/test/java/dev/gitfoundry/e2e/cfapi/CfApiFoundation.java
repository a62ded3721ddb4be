package dev.gitfoundry.e2e.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.e2e.chart.Helm;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.Command;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A small foundation for the CF API tests, run the real way on a private control plane: a
 * repository on Gitea with org {@code cfapi} (quota standard) and spaces {@code dev} (quota small,
 * security group orders-db; app hello with 2 instances, a route, env and a service {@code
 * orders-db} whose Secret exists; worker without route) and {@code prod} (app shop binding {@code
 * cache}, whose Secret does not exist), with the running security group public-networks, applied by
 * an in-process operator through a GitSource; then two pushes to hello by two other authors. The
 * chart's CF role ClusterRoles are installed and {@code space.yml} binds the users
 * (ServiceAccounts): alice (developer in dev), carol (developer in dev and prod), audrey (auditor
 * in dev); dave is bound nowhere. Pods run on a kwok node that serves a file as their log ({@link
 * KwokLogsNode}); a CRD stands in for metrics-server's {@code metrics.k8s.io}.
 */
final class CfApiFoundation implements AutoCloseable {
  static final String ORG = "cfapi";
  static final String DEV_NAMESPACE = "cfapi-dev";
  static final String PROD_NAMESPACE = "cfapi-prod";
  static final String DOMAIN = "apps.127.0.0.1.nip.io";
  static final String HELLO_MANIFEST = "cfapi/dev/hello/manifest.yml";
  static final String FIRST_AUTHOR = "demo@example.com";
  static final String SECOND_AUTHOR = "jane@example.com";
  static final String THIRD_AUTHOR = "john@example.com";
  private static final Duration LOOP = Duration.ofMinutes(4);

  final KubeCluster cluster;
  final KubernetesClient client;
  final KwokLogsNode logs;
  final GiteaServer gitea;
  final GitfoundryOperator operator;
  final String sourceNamespace;
  final String repo;
  final String repositoryUrl;

  /** The commits, oldest first: the first push, then Jane's, then John's. */
  final List<String> commits;

  private CfApiFoundation(
      KubeCluster cluster,
      KwokLogsNode logs,
      GiteaServer gitea,
      GitfoundryOperator operator,
      String sourceNamespace,
      String repo,
      List<String> commits) {
    this.cluster = cluster;
    this.client = cluster.client();
    this.logs = logs;
    this.gitea = gitea;
    this.operator = operator;
    this.sourceNamespace = sourceNamespace;
    this.repo = repo;
    this.repositoryUrl = gitea.cloneUrl(repo);
    this.commits = commits;
  }

  static CfApiFoundation start() throws Exception {
    KubeCluster cluster = KubeCluster.start();
    KubernetesClient client = cluster.client();
    installChartCfRoles(cluster);
    installMetricsApi(client);
    KwokLogsNode logs = KwokLogsNode.start(cluster, List.of(DEV_NAMESPACE, PROD_NAMESPACE));
    GiteaServer gitea = GiteaServer.shared();
    String namespace = cluster.createNamespace("cfapi-src");
    createOrdersDbSecret(client);
    String repo = gitea.createRepository("cfapi-" + System.nanoTime());
    GitfoundryOperator operator =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults(),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", 0),
            Clock.systemUTC());
    operator.start();
    String first;
    try (GitWorkingCopy repository = GitWorkingCopy.clone(gitea, repo)) {
      first = repository.replaceWith(writeRepository(namespace)).commitAndPush("cfapi foundation");
    }
    GitSource source = new GitSource();
    source.getMetadata().setName("cfapi");
    source.getMetadata().setNamespace(namespace);
    GitSourceSpec spec = new GitSourceSpec();
    spec.setUrl(gitea.cloneUrl(repo));
    spec.setBranch("main");
    spec.setInterval("2s");
    source.setSpec(spec);
    client.resource(source).create();
    CfApiFoundation foundation =
        new CfApiFoundation(
            cluster, logs, gitea, operator, namespace, repo, new java.util.ArrayList<>());
    foundation.commits.add(first);
    foundation.awaitApplied(first);
    foundation.awaitHelloRunning(2);
    // Two more authors change hello: Jane scales it, John changes its env.
    foundation.commits.add(
        foundation.pushAs(
            "Jane Doe", SECOND_AUTHOR, "Scale hello to 3", "instances: 2", "instances: 3"));
    foundation.awaitApplied(foundation.commits.get(1));
    foundation.commits.add(
        foundation.pushAs(
            "John Roe", THIRD_AUTHOR, "Canary mode for hello", "MODE: prod", "MODE: canary"));
    foundation.awaitApplied(foundation.commits.get(2));
    foundation.awaitHelloRunning(3);
    foundation.awaitRoleBindings();
    return foundation;
  }

  String apiUrl() {
    return "http://127.0.0.1:" + operator.httpPort();
  }

  /** A ServiceAccount's token (TokenRequest API), for a kubeconfig token user. */
  String serviceAccountToken(String name) {
    client
        .serviceAccounts()
        .inNamespace(sourceNamespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(sourceNamespace)
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    return client
        .serviceAccounts()
        .inNamespace(sourceNamespace)
        .withName(name)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }

  /** hello's Pods that are not going away, by instance index (their StatefulSet ordinal). */
  List<Pod> helloPods() {
    return client
        .pods()
        .inNamespace(DEV_NAMESPACE)
        .withLabel("gitfoundry.dev/process-type", "web")
        .list()
        .getItems()
        .stream()
        .filter(pod -> pod.getMetadata().getName().startsWith("hello"))
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .sorted(
            java.util.Comparator.comparing(
                (Pod p) ->
                    Integer.parseInt(
                        p.getMetadata()
                            .getLabels()
                            .getOrDefault("apps.kubernetes.io/pod-index", "0"))))
        .toList();
  }

  /** What metrics-server would report for a Pod: its app container's cpu and memory. */
  void reportUsage(Pod pod, String cpu, String memory) {
    client
        .resource(
            new PodMetricsBuilder()
                .withNewMetadata()
                .withName(pod.getMetadata().getName())
                .withNamespace(pod.getMetadata().getNamespace())
                .endMetadata()
                .withTimestamp(Instant.now().toString())
                .withWindow(new io.fabric8.kubernetes.api.model.Duration(Duration.ofSeconds(15)))
                .addNewContainer()
                .withName("app")
                .addToUsage("cpu", new Quantity(cpu))
                .addToUsage("memory", new Quantity(memory))
                .endContainer()
                .build())
        .create();
  }

  /** What the kubelet reports when a container was killed and restarted. */
  void reportCrash(Pod pod, int exitCode, String reason) {
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .editStatus(
            current -> {
              var status = current.getStatus().getContainerStatuses().get(0);
              status.setRestartCount(1);
              status.setLastState(
                  new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
                      .withNewTerminated()
                      .withExitCode(exitCode)
                      .withReason(reason)
                      .withStartedAt(Instant.now().minusSeconds(60).toString())
                      .withFinishedAt(Instant.now().minusSeconds(5).toString())
                      .endTerminated()
                      .build());
              return current;
            });
  }

  /**
   * Changes hello's manifest through Gitea's API (a commit with that author, as the web editor
   * makes one) and returns the commit's SHA.
   */
  private String pushAs(String name, String email, String message, String from, String to) {
    String path = "/repos/" + repo + "/contents/" + HELLO_MANIFEST;
    JsonNode file = gitea.api("GET", path + "?ref=main", null);
    String content =
        new String(
            Base64.getMimeDecoder().decode(file.path("content").asText()), StandardCharsets.UTF_8);
    if (!content.contains(from)) {
      throw new IllegalStateException(HELLO_MANIFEST + " lacks '" + from + "':\n" + content);
    }
    JsonNode written =
        gitea.api(
            "PUT",
            path,
            Map.of(
                "branch", "main",
                "message", message,
                "sha", file.path("sha").asText(),
                "content",
                    Base64.getEncoder()
                        .encodeToString(content.replace(from, to).getBytes(StandardCharsets.UTF_8)),
                "author", Map.of("name", name, "email", email),
                "committer", Map.of("name", name, "email", email)));
    return written.path("commit").path("sha").asText();
  }

  private void awaitApplied(String sha) {
    Await.until(
        "revision " + sha + " applied",
        LOOP,
        () -> {
          GitSource source =
              client
                  .resources(GitSource.class)
                  .inNamespace(sourceNamespace)
                  .withName("cfapi")
                  .get();
          return source.getStatus() != null
              && ("main@sha1:" + sha).equals(source.getStatus().getLastAppliedRevision())
              && client.resources(CFApp.class).inNamespace(PROD_NAMESPACE).withName("shop").get()
                  != null;
        });
  }

  private void awaitHelloRunning(int instances) {
    Await.until(
        "hello's " + instances + " Pods Running, and no others",
        LOOP,
        () -> {
          var web =
              client.apps().statefulSets().inNamespace(DEV_NAMESPACE).withName("hello-web").get();
          List<Pod> pods = helloPods();
          return web != null
              && web.getStatus() != null
              && Integer.valueOf(instances).equals(web.getStatus().getUpdatedReplicas())
              && Integer.valueOf(instances).equals(web.getStatus().getAvailableReplicas())
              && pods.size() == instances
              && pods.stream().allMatch(p -> "Running".equals(p.getStatus().getPhase()));
        });
  }

  private void awaitRoleBindings() {
    Await.until(
        "the space.yml roles bound in dev and prod",
        LOOP,
        () ->
            client
                        .rbac()
                        .roleBindings()
                        .inNamespace(DEV_NAMESPACE)
                        .withName("gitfoundry-space-auditor")
                        .get()
                    != null
                && client
                        .rbac()
                        .roleBindings()
                        .inNamespace(DEV_NAMESPACE)
                        .withName("gitfoundry-space-developer")
                        .get()
                    != null
                && client
                        .rbac()
                        .roleBindings()
                        .inNamespace(PROD_NAMESPACE)
                        .withName("gitfoundry-space-developer")
                        .get()
                    != null);
  }

  /** The ClusterRoles the chart ships for CF roles, as the chart renders them. */
  private static void installChartCfRoles(KubeCluster cluster) throws IOException {
    String yaml =
        Helm.get().render("gitfoundry-system", List.of("--show-only", "templates/cf-roles.yaml"));
    Path manifest = Files.createTempFile("cf-roles", ".yaml");
    try {
      Files.writeString(manifest, yaml);
      Command.run(
              List.of(
                  Tools.get().binary("kubectl").toString(),
                  "--kubeconfig",
                  cluster.kubeconfigFile().toString(),
                  "apply",
                  "--server-side",
                  "-f",
                  manifest.toString()),
              Map.of(),
              manifest.getParent(),
              Duration.ofMinutes(1))
          .orThrow("kubectl apply of the chart's CF roles");
    } finally {
      Files.deleteIfExists(manifest);
    }
  }

  /**
   * {@code metrics.k8s.io/v1beta1} PodMetrics served by the API server from a CRD, where a cluster
   * would run metrics-server: the same path and objects, so the operator reads usage for real.
   */
  private static void installMetricsApi(KubernetesClient client) {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("pods.metrics.k8s.io")
                .addToAnnotations(
                    "api-approved.kubernetes.io",
                    "unapproved, stands in for metrics-server in a test")
                .endMetadata()
                .withNewSpec()
                .withGroup("metrics.k8s.io")
                .withScope("Namespaced")
                .withNewNames()
                .withPlural("pods")
                .withSingular("podmetrics")
                .withKind("PodMetrics")
                .withListKind("PodMetricsList")
                .endNames()
                .addNewVersion()
                .withName("v1beta1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build())
        .create();
    Await.until(
        "the metrics.k8s.io stand-in served",
        Duration.ofSeconds(60),
        () -> {
          try {
            client.top().pods().metrics("default");
            return true;
          } catch (RuntimeException e) {
            return false;
          }
        });
  }

  /** hello binds orders-db: its Secret exists before the app does (the space Namespace too). */
  private static void createOrdersDbSecret(KubernetesClient client) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(DEV_NAMESPACE).endMetadata().build())
        .create();
    client
        .secrets()
        .inNamespace(DEV_NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("orders-db")
                .endMetadata()
                .addToStringData("uri", "postgres://orders:s3cr3t@db.example:5432/orders")
                .build())
        .create();
  }

  private static Path writeRepository(String sourceNamespace) throws IOException {
    Path root = Files.createTempDirectory("cfapi-repo");
    write(
        root.resolve("foundation.yml"),
        """
        domains:
          - %s
        quotas:
          standard: {total_memory: 4G, routes: 20}
          small: {total_memory: 2G, instance_memory: 1G, app_instances: 5}
        security_groups:
          public-networks:
            - {protocol: all, destination: 0.0.0.0-9.255.255.255}
          orders-db:
            - {protocol: tcp, destination: 10.20.0.0/24, ports: "5432", description: orders}
        running_security_groups: [public-networks]
        """
            .formatted(DOMAIN));
    write(
        root.resolve("cfapi/org.yml"),
        """
        quota: standard
        roles:
          - role: OrgManager
            users: [platform-lead]
          - role: OrgAuditor
            groups: [compliance]
        """);
    write(
        root.resolve("cfapi/dev/space.yml"),
        """
        quota: small
        security_groups: [orders-db]
        roles:
          - role: SpaceDeveloper
            serviceAccounts: [%1$s:alice, %1$s:carol]
          - role: SpaceAuditor
            serviceAccounts: [%1$s:audrey]
        """
            .formatted(sourceNamespace));
    write(
        root.resolve("cfapi/prod/space.yml"),
        """
        roles:
          - role: SpaceDeveloper
            serviceAccounts: [%s:carol]
        """
            .formatted(sourceNamespace));
    write(
        root.resolve(HELLO_MANIFEST),
        """
        # hello: the dev space's web app
        applications:
          - name: hello
            docker:
              image: hashicorp/http-echo:1.0
            memory: 64M
            disk_quota: 128M
            instances: 2
            health-check-type: port
            env:
              MODE: prod
            services:
              - name: orders-db
                binding_name: db
        """);
    write(
        root.resolve("cfapi/dev/worker/manifest.yml"),
        """
        applications:
          - name: worker
            docker:
              image: busybox
            no-route: true
            health-check-type: process
        """);
    write(
        root.resolve("cfapi/prod/shop/manifest.yml"),
        """
        applications:
          - name: shop
            docker:
              image: busybox
            no-route: true
            health-check-type: process
            services:
              - cache
        """);
    return root;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Override
  public void close() throws Exception {
    operator.close();
    logs.close();
    cluster.close();
  }
}
