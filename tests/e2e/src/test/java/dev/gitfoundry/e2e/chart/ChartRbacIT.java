package dev.gitfoundry.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitfoundry.testing.Command;
import dev.gitfoundry.testing.KubeApi;
import dev.gitfoundry.testing.TempDir;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewSpecBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart's RBAC, installed for real on a private kube-apiserver (it creates cluster-wide
 * ClusterRoles with fixed names), does what chart/README.md says: the operator's ServiceAccount can
 * do its job, can grant only the CF role ClusterRoles, and nothing more; the CF role ClusterRoles
 * let users read what their role allows in the namespace they are bound in, and write nothing.
 */
class ChartRbacIT {
  private static final String NAMESPACE = "gitfoundry-system";
  private static final String OPERATOR = "system:serviceaccount:" + NAMESPACE + ":gitfoundry";
  private static final List<String> OPERATOR_GROUPS =
      List.of(
          "system:serviceaccounts", "system:serviceaccounts:" + NAMESPACE, "system:authenticated");
  private static final String TENANT = "acme-prod";
  private static final String OTHER_TENANT = "globex-dev";

  private static KubeApi api;
  private static KubernetesClient admin;
  private static KubernetesClient operator;

  @BeforeAll
  static void install() throws IOException {
    api = KubeApi.start();
    admin = api.client();
    for (String name : List.of(NAMESPACE, TENANT, OTHER_TENANT)) {
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
    String yaml = Helm.get().render(NAMESPACE, List.of());
    try (TempDir dir = TempDir.create("chart-rbac")) {
      Path manifest = dir.resolve("rendered.yaml");
      Files.writeString(manifest, yaml);
      Command.run(
              List.of(
                  Tools.get().binary("kubectl").toString(),
                  "--kubeconfig",
                  api.kubeconfigFile().toString(),
                  "apply",
                  "--server-side",
                  "--field-manager=helm",
                  "-f",
                  manifest.toString()),
              Map.of(),
              dir.path(),
              Duration.ofMinutes(2))
          .orThrow("kubectl apply of the rendered chart");
    }
    Config config = Config.fromKubeconfig(api.kubeconfigYaml());
    config.setImpersonateUsername(OPERATOR);
    config.setImpersonateGroups(OPERATOR_GROUPS.toArray(String[]::new));
    operator = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}{2} in {3}: {4}")
  @CsvSource({
    // verb, group, resource, namespace (- = cluster), allowed
    "patch, gitfoundry.dev, cfapps, acme-prod, true",
    "delete, gitfoundry.dev, cforgs, acme-prod, true",
    "update, gitfoundry.dev, gitsources/status, acme-prod, true",
    "update, gitfoundry.dev, cfapps/finalizers, acme-prod, true",
    "create, '', namespaces, -, true",
    "delete, '', namespaces, -, true",
    "update, '', namespaces, -, false",
    "patch, '', secrets, acme-prod, true",
    "list, '', pods, acme-prod, true",
    "create, '', pods, acme-prod, false",
    "create, '', pods/exec, acme-prod, false",
    "create, '', events, acme-prod, true",
    "list, '', configmaps, acme-prod, true",
    "update, '', configmaps, acme-prod, true",
    "delete, '', configmaps, acme-prod, false",
    "get, '', pods/log, acme-prod, true",
    "list, metrics.k8s.io, pods, acme-prod, true",
    "patch, apps, statefulsets, acme-prod, true",
    "delete, apps, deployments, acme-prod, true",
    "patch, apps, deployments, acme-prod, false",
    "create, apps, deployments, acme-prod, false",
    "create, apps, daemonsets, acme-prod, false",
    "patch, '', resourcequotas, acme-prod, true",
    "patch, '', limitranges, acme-prod, true",
    "patch, networking.k8s.io, networkpolicies, acme-prod, true",
    "patch, networking.k8s.io, ingresses, acme-prod, true",
    "patch, gateway.networking.k8s.io, httproutes, acme-prod, true",
    "patch, gateway.networking.k8s.io, gateways, acme-prod, false",
    "patch, rbac.authorization.k8s.io, rolebindings, acme-prod, true",
    "create, rbac.authorization.k8s.io, roles, acme-prod, false",
    "create, rbac.authorization.k8s.io, clusterrolebindings, -, false",
    "escalate, rbac.authorization.k8s.io, clusterroles, -, false",
    "patch, kpack.io, images, acme-prod, true",
    "list, apiextensions.k8s.io, customresourcedefinitions, -, true",
    "create, apiextensions.k8s.io, customresourcedefinitions, -, false",
    "create, authentication.k8s.io, tokenreviews, -, true",
    "create, authorization.k8s.io, subjectaccessreviews, -, true",
    "update, coordination.k8s.io, leases, gitfoundry-system, true",
    "update, coordination.k8s.io, leases, acme-prod, false",
    "list, '', nodes, -, false",
  })
  void operatorServiceAccountMayDoExactlyItsJob(
      String verb, String group, String resource, String namespace, boolean allowed) {
    assertThat(can(OPERATOR, OPERATOR_GROUPS, verb, group, resource, null, namespace))
        .isEqualTo(allowed);
  }

  @Test
  void requestsReallyRunAsTheOperatorServiceAccount() {
    assertThat(operator.namespaces().withName(TENANT).get()).isNotNull();
    assertThatThrownBy(() -> operator.apps().daemonSets().inNamespace(TENANT).list())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
  }

  /**
   * RoleBindings to the CF roles are allowed by the {@code bind} rule; any other role is refused by
   * the API server's escalation check. ({@code admin}/{@code edit} are aggregated by the controller
   * manager, which this API server lacks, so their concrete parts are used instead.)
   */
  @Test
  void operatorCanGrantCfRolesButNothingElse() {
    operator
        .rbac()
        .roleBindings()
        .inNamespace(TENANT)
        .resource(binding("alice-dev", "gitfoundry-space-developer", "alice"))
        .create();
    operator
        .rbac()
        .roleBindings()
        .inNamespace(TENANT)
        .resource(binding("bob-audit", "gitfoundry-space-auditor", "bob"))
        .create();
    assertThatThrownBy(
            () ->
                operator
                    .rbac()
                    .roleBindings()
                    .inNamespace(TENANT)
                    .resource(binding("mallory-edit", "system:aggregate-to-edit", "mallory"))
                    .create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
    assertThatThrownBy(
            () ->
                operator
                    .rbac()
                    .roleBindings()
                    .inNamespace(TENANT)
                    .resource(binding("mallory-root", "cluster-admin", "mallory"))
                    .create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));

    // What the bindings give: a developer reads apps, pods, logs and statefulsets of that space
    // only.
    assertThat(can("alice", List.of(), "list", "gitfoundry.dev", "cfapps", null, TENANT)).isTrue();
    assertThat(can("alice", List.of(), "get", "", "pods/log", null, TENANT)).isTrue();
    assertThat(can("alice", List.of(), "watch", "apps", "statefulsets", null, TENANT)).isTrue();
    assertThat(can("alice", List.of(), "list", "", "services", null, TENANT)).isTrue();
    assertThat(can("alice", List.of(), "patch", "gitfoundry.dev", "cfapps", null, TENANT))
        .isFalse();
    // As on CF, developers see credentials (cf env); auditors do not.
    assertThat(can("alice", List.of(), "get", "", "secrets", null, TENANT)).isTrue();
    assertThat(can("bob", List.of(), "get", "", "secrets", null, TENANT)).isFalse();
    assertThat(can("alice", List.of(), "list", "gitfoundry.dev", "gitsources", null, TENANT))
        .isFalse();
    assertThat(can("alice", List.of(), "list", "gitfoundry.dev", "cfapps", null, OTHER_TENANT))
        .isFalse();
    // An auditor reads the CF resources and nothing else.
    assertThat(can("bob", List.of(), "list", "gitfoundry.dev", "cfroutes", null, TENANT)).isTrue();
    assertThat(can("bob", List.of(), "list", "", "pods", null, TENANT)).isFalse();
    assertThat(can("bob", List.of(), "get", "", "pods/log", null, TENANT)).isFalse();
  }

  @Test
  void leaseRuleSatisfiesTheLeaderElectionStartupCheck() {
    // java-operator-sdk refuses to start leader election unless one rule for leases in the Lease's
    // namespace holds create, update and get.
    SelfSubjectRulesReview review = new SelfSubjectRulesReview();
    review.setSpec(new SelfSubjectRulesReviewSpecBuilder().withNamespace(NAMESPACE).build());
    SelfSubjectRulesReview result =
        operator.authorization().v1().selfSubjectRulesReview().create(review);
    assertThat(result.getStatus().getResourceRules())
        .anySatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).contains("coordination.k8s.io");
              assertThat(rule.getResources()).contains("leases");
              assertThat(rule.getVerbs()).contains("create", "update", "get");
            });
  }

  private static RoleBinding binding(String name, String clusterRole, String user) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole")
        .withName(clusterRole)
        .endRoleRef()
        .addNewSubject()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("User")
        .withName(user)
        .endSubject()
        .build();
  }

  private static boolean can(
      String user,
      List<String> groups,
      String verb,
      String group,
      String resource,
      String name,
      String namespace) {
    String[] parts = resource.split("/", 2);
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups(groups)
            .withNewResourceAttributes()
            .withVerb(verb)
            .withGroup(group)
            .withResource(parts[0])
            .withSubresource(parts.length > 1 ? parts[1] : null)
            .withName(name)
            .withNamespace("-".equals(namespace) ? null : namespace)
            .endResourceAttributes()
            .endSpec()
            .build();
    SubjectAccessReview result = admin.authorization().v1().subjectAccessReview().create(review);
    return Boolean.TRUE.equals(result.getStatus().getAllowed());
  }
}
