package dev.gitfoundry.e2e.cfapi;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A small foundation for the CF API tests, run the real way: a repository on Gitea with org {@code
 * cfapi} (quota standard) and spaces {@code dev} (quota small, security group orders-db; apps hello
 * with 2 instances and a route, worker without route) and {@code prod} (app shop), with the running
 * security group public-networks, applied by an in-process operator through a GitSource.
 */
final class CfApiFoundation implements AutoCloseable {
  static final String ORG = "cfapi";
  static final String DEV_NAMESPACE = "cfapi-dev";
  static final String PROD_NAMESPACE = "cfapi-prod";
  static final String DOMAIN = "apps.127.0.0.1.nip.io";
  private static final Duration LOOP = Duration.ofMinutes(4);
  static final String SPACE_DEVELOPER_ROLE = "cfapi-e2e-space-developer";

  final KubeCluster cluster;
  final KubernetesClient client;
  final GitfoundryOperator operator;
  final String sourceNamespace;
  final String repositoryUrl;
  private final GitWorkingCopy repository;

  private CfApiFoundation(
      KubeCluster cluster,
      GitfoundryOperator operator,
      String sourceNamespace,
      String repositoryUrl,
      GitWorkingCopy repository) {
    this.cluster = cluster;
    this.client = cluster.client();
    this.operator = operator;
    this.sourceNamespace = sourceNamespace;
    this.repositoryUrl = repositoryUrl;
    this.repository = repository;
  }

  static CfApiFoundation start() throws Exception {
    KubeCluster cluster = KubeCluster.shared();
    GiteaServer gitea = GiteaServer.shared();
    KubernetesClient client = cluster.client();
    String namespace = cluster.createNamespace("cfapi-src");
    String repo = gitea.createRepository("cfapi-" + System.nanoTime());
    GitfoundryOperator operator =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults(),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", 0),
            Clock.systemUTC());
    operator.start();
    GitWorkingCopy repository = GitWorkingCopy.clone(gitea, repo);
    repository.replaceWith(writeRepository()).commitAndPush("cfapi foundation");
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
        new CfApiFoundation(cluster, operator, namespace, gitea.cloneUrl(repo), repository);
    foundation.awaitApplied();
    foundation.createSpaceDeveloperRole();
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

  /** Binds a ServiceAccount as space developer in one space's namespace. */
  void bindSpaceDeveloper(String serviceAccount, String spaceNamespace) {
    client
        .rbac()
        .roleBindings()
        .inNamespace(spaceNamespace)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("cfapi-e2e-" + serviceAccount)
                .withNamespace(spaceNamespace)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", SPACE_DEVELOPER_ROLE)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(serviceAccount)
                .withNamespace(sourceNamespace)
                .endSubject()
                .build())
        .createOr(existing -> existing.update());
  }

  /** The chart's space developer rules, under a name of this test's own. */
  private void createSpaceDeveloperRole() {
    client
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(SPACE_DEVELOPER_ROLE)
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("gitfoundry.dev")
                        .withResources("cforgs", "cfspaces", "cfapps", "cfroutes")
                        .withVerbs("get", "list", "watch")
                        .build(),
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("pods", "services")
                        .withVerbs("get", "list", "watch")
                        .build())
                .build())
        .createOr(existing -> existing.update());
  }

  private void awaitApplied() {
    Await.until(
        "hello's 2 Pods Running and shop applied",
        LOOP,
        () ->
            client.resources(CFApp.class).inNamespace(PROD_NAMESPACE).withName("shop").get() != null
                && client
                        .pods()
                        .inNamespace(DEV_NAMESPACE)
                        .withLabel("gitfoundry.dev/process-type", "web")
                        .list()
                        .getItems()
                        .stream()
                        .filter(
                            pod ->
                                "Running".equals(pod.getStatus().getPhase())
                                    && pod.getMetadata().getName().startsWith("hello"))
                        .count()
                    == 2);
  }

  private static Path writeRepository() throws IOException {
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
    write(root.resolve("cfapi/org.yml"), "quota: standard\n");
    write(root.resolve("cfapi/dev/space.yml"), "quota: small\nsecurity_groups: [orders-db]\n");
    write(
        root.resolve("cfapi/dev/hello/manifest.yml"),
        """
        applications:
          - name: hello
            docker:
              image: hashicorp/http-echo:1.0
            memory: 64M
            disk_quota: 128M
            instances: 2
            health-check-type: port
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
    repository.close();
  }

  static URI uri(String url) {
    return URI.create(url);
  }
}
