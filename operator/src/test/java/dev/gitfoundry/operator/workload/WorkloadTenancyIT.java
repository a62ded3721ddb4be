package dev.gitfoundry.operator.workload;

import static dev.gitfoundry.operator.workload.WorkloadTestSupport.await;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.awaitReady;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.create;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkloadTenancyIT {
  private static KubeCluster cluster;
  private static KubernetesClient client;
  private static Operator operator;

  @BeforeAll
  static void startOperator() {
    cluster = KubeCluster.shared();
    client = cluster.client();
    operator = WorkloadTestSupport.startOperator(cluster, OperatorConfig.defaults());
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void spaceRolesBecomeRoleBindingsInTheSpaceNamespace() {
    String home = cluster.createNamespace("tenancy");
    String target = home + "-dev";
    CFSpace space = space(home, "acme-dev", target);
    space
        .getSpec()
        .setRoles(
            List.of(
                role("SpaceDeveloper", List.of("alice"), List.of("acme-developers"), null),
                role("SpaceAuditor", null, null, List.of(home + ":ci"))));
    create(client, space);

    CFSpace ready =
        awaitReady(cluster, () -> get(client, CFSpace.class, home, "acme-dev"), "True", "Ready");
    assertThat(ready.getStatus().getNamespace()).isEqualTo(target);
    assertThat(ready.getStatus().getGuid()).isEqualTo("0b7c4e1e-1111-5222-8333-944455556666");

    Namespace namespace = client.namespaces().withName(target).get();
    assertThat(namespace.getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/org", "acme")
        .containsEntry("gitfoundry.dev/space", "acme-dev")
        .containsEntry("gitfoundry.dev/managed-by", "gitfoundry");
    assertThat(namespace.getMetadata().getAnnotations())
        .containsEntry("gitfoundry.dev/owner", "CFSpace " + home + "/acme-dev");

    RoleBinding developers = roleBinding(target, "gitfoundry-space-developer");
    assertThat(developers.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(developers.getRoleRef().getName()).isEqualTo("gitfoundry-space-developer");
    assertThat(developers.getSubjects())
        .extracting(Subject::getKind, Subject::getName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("User", "alice"),
            org.assertj.core.groups.Tuple.tuple("Group", "acme-developers"));
    RoleBinding auditors = roleBinding(target, "gitfoundry-space-auditor");
    assertThat(auditors.getSubjects().get(0).getKind()).isEqualTo("ServiceAccount");
    assertThat(auditors.getSubjects().get(0).getNamespace()).isEqualTo(home);

    client
        .resources(CFSpace.class)
        .inNamespace(home)
        .withName("acme-dev")
        .edit(
            s -> {
              s.getSpec().setRoles(List.of(s.getSpec().getRoles().get(0)));
              return s;
            });
    await(
        "the auditor RoleBinding to be removed",
        () -> roleBinding(target, "gitfoundry-space-auditor") == null);
    assertThat(roleBinding(target, "gitfoundry-space-developer")).isNotNull();
  }

  @Test
  void deletingASpaceDeletesTheNamespaceItAdopted() {
    String home = cluster.createNamespace("tenancy");
    String target = home + "-prod";
    // The applier creates a space's Namespace before the namespaced objects in it.
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(target).endMetadata().build())
        .create();
    create(client, space(home, "acme-prod", target));
    awaitReady(cluster, () -> get(client, CFSpace.class, home, "acme-prod"), "True", "Ready");
    assertThat(client.namespaces().withName(target).get().getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/space", "acme-prod");

    client.resources(CFSpace.class).inNamespace(home).withName("acme-prod").delete();

    await(
        "CFSpace acme-prod to be gone",
        () -> get(client, CFSpace.class, home, "acme-prod") == null);
    await(
        "namespace " + target + " to be deleted",
        () -> {
          Namespace ns = client.namespaces().withName(target).get();
          return ns == null || ns.getMetadata().getDeletionTimestamp() != null;
        });
  }

  @Test
  void orgGetsItsNamespaceAndRolesAndTakesThemAlongWhenDeleted() {
    String home = cluster.createNamespace("tenancy");
    String target = home + "-org";
    CFOrg org = new CFOrg();
    org.getMetadata().setName("acme");
    org.getMetadata().setNamespace(home);
    org.getMetadata()
        .setLabels(Map.of("gitfoundry.dev/guid", "7d1e2f3a-0000-5000-8000-000000000001"));
    org.getSpec().setDisplayName("ACME Corp");
    org.getSpec().setNamespace(target);
    org.getSpec().setRoles(List.of(role("OrgManager", List.of("carol"), null, null)));
    create(client, org);

    CFOrg ready =
        awaitReady(cluster, () -> get(client, CFOrg.class, home, "acme"), "True", "Ready");
    assertThat(ready.getStatus().getGuid()).isEqualTo("7d1e2f3a-0000-5000-8000-000000000001");
    assertThat(client.namespaces().withName(target).get().getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/org", "acme");
    assertThat(roleBinding(target, "gitfoundry-org-manager").getSubjects().get(0).getName())
        .isEqualTo("carol");

    client.resources(CFOrg.class).inNamespace(home).withName("acme").delete();
    await(
        "namespace " + target + " to be deleted",
        () -> {
          Namespace ns = client.namespaces().withName(target).get();
          return ns == null || ns.getMetadata().getDeletionTimestamp() != null;
        });
  }

  @Test
  void unknownRoleStallsTheSpace() {
    String home = cluster.createNamespace("tenancy");
    CFSpace space = space(home, "bad", home + "-bad");
    space.getSpec().setRoles(List.of(role("SpaceOverlord", List.of("mallory"), null, null)));
    create(client, space);

    CFSpace stalled =
        awaitReady(cluster, () -> get(client, CFSpace.class, home, "bad"), "False", "UnknownRole");
    assertThat(WorkloadTestSupport.ready(stalled).orElseThrow().getMessage())
        .contains("SpaceOverlord");
  }

  private static CFSpace space(String home, String name, String target) {
    CFSpace space = new CFSpace();
    space.getMetadata().setName(name);
    space.getMetadata().setNamespace(home);
    space
        .getMetadata()
        .setLabels(Map.of("gitfoundry.dev/guid", "0b7c4e1e-1111-5222-8333-944455556666"));
    space.getSpec().setDisplayName(name.substring(name.indexOf('-') + 1));
    space.getSpec().setOrgName("acme");
    space.getSpec().setNamespace(target);
    return space;
  }

  private static RoleAssignment role(
      String role, List<String> users, List<String> groups, List<String> serviceAccounts) {
    RoleAssignment assignment = new RoleAssignment();
    assignment.setRole(role);
    assignment.setUsers(users);
    assignment.setGroups(groups);
    assignment.setServiceAccounts(serviceAccounts);
    return assignment;
  }

  private RoleBinding roleBinding(String namespace, String name) {
    return client.rbac().roleBindings().inNamespace(namespace).withName(name).get();
  }
}
