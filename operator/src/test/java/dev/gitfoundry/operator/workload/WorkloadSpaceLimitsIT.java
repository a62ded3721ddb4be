package dev.gitfoundry.operator.workload;

import static dev.gitfoundry.operator.workload.WorkloadTestSupport.await;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.awaitReady;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.create;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.dockerApp;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.get;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import dev.gitfoundry.api.v1alpha1.SecurityGroupSpec;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CFSpace's quotas and security groups become a ResourceQuota, a LimitRange and NetworkPolicies
 * in its Namespace, which the real API server then enforces on the apps there.
 */
class WorkloadSpaceLimitsIT {
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
  void quotasAndSecurityGroupsBecomeNamespaceObjectsThatTheApiServerEnforces() {
    String home = cluster.createNamespace("limits");
    String target = home + "-prod";
    CFSpace space = new CFSpace();
    space.getMetadata().setName("acme-prod");
    space.getMetadata().setNamespace(home);
    space.getSpec().setDisplayName("prod");
    space.getSpec().setOrgName("acme");
    space.getSpec().setNamespace(target);
    space.getSpec().setQuota(quota("small", 2048L, 512L, 3));
    space.getSpec().setOrgQuota(quota("standard", 1536L, null, 40));
    space.getSpec().setRestrictEgress(true);
    space.getSpec().setSecurityGroups(List.of(group("orders-db", "tcp", "10.20.0.0/24", "5432")));
    create(client, space);
    awaitReady(cluster, () -> get(client, CFSpace.class, home, "acme-prod"), "True", "Ready");

    await("the space's ResourceQuota", () -> quota(target) != null);
    ResourceQuota quota = quota(target);
    assertThat(quota.getSpec().getHard())
        .isEqualTo(Map.of("limits.memory", new Quantity("1536Mi"), "pods", new Quantity("3")));
    assertThat(quota.getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/managed-by", "gitfoundry")
        .containsEntry("gitfoundry.dev/space", "acme-prod");
    await("the space's LimitRange", () -> limitRange(target) != null);
    var limits = limitRange(target).getSpec().getLimits().get(0);
    assertThat(limits.getType()).isEqualTo("Container");
    assertThat(limits.getMax()).containsEntry("memory", new Quantity("512Mi"));
    assertThat(limits.getDefault()).containsEntry("memory", new Quantity("512Mi"));
    await("two NetworkPolicies", () -> policies(target).size() == 2);
    NetworkPolicy group = policy(target, "gitfoundry-asg-orders-db");
    assertThat(group.getSpec().getPolicyTypes()).containsExactly("Egress");
    assertThat(group.getSpec().getEgress().get(0).getTo().get(0).getIpBlock().getCidr())
        .isEqualTo("10.20.0.0/24");
    assertThat(group.getSpec().getEgress().get(0).getPorts().get(0).getPort().getIntVal())
        .isEqualTo(5432);
    NetworkPolicy base = policy(target, "gitfoundry-egress");
    assertThat(base.getSpec().getPodSelector().getMatchExpressions().get(0).getKey())
        .isEqualTo("gitfoundry.dev/app");
    assertThat(base.getSpec().getEgress()).hasSize(2);

    // Apps in the space run within it: a sidecar that names no memory gets the LimitRange's.
    ProcessSpec web = process("web", 2);
    web.setDiskMB(null);
    CFApp app = dockerApp(target, "web", web);
    var sidecar = new dev.gitfoundry.api.v1alpha1.Sidecar();
    sidecar.setName("agent");
    sidecar.setCommand("./agent");
    sidecar.setProcessTypes(List.of("web"));
    app.getSpec().setSidecars(List.of(sidecar));
    create(client, app);
    awaitReady(cluster, () -> get(client, CFApp.class, target, "web"), "True", "Running");
    List<Pod> pods =
        client.pods().inNamespace(target).withLabel("gitfoundry.dev/app", "web").list().getItems();
    assertThat(pods)
        .allSatisfy(
            pod ->
                assertThat(pod.getSpec().getContainers().get(1).getResources().getLimits())
                    .containsEntry("memory", new Quantity("512Mi")));
    await(
        "the quota to count the app's memory",
        () ->
            quota(target).getStatus() != null
                && new Quantity("1536Mi")
                    .equals(quota(target).getStatus().getUsed().get("limits.memory")));

    // A third instance would pass the quota: the API server refuses its Pod.
    client
        .resources(CFApp.class)
        .inNamespace(target)
        .withName("web")
        .edit(
            a -> {
              a.getSpec().getProcesses().get(0).setInstances(3);
              return a;
            });
    await(
        "the StatefulSet controller to be refused a Pod over the quota",
        () ->
            client.v1().events().inNamespace(target).list().getItems().stream()
                .anyMatch(
                    e ->
                        "FailedCreate".equals(e.getReason())
                            && e.getMessage().contains("exceeded quota")));
    assertThat(
            client
                .pods()
                .inNamespace(target)
                .withLabel("gitfoundry.dev/app", "web")
                .list()
                .getItems())
        .hasSize(2);

    // Without quotas and security groups in Git, the objects go.
    client
        .resources(CFSpace.class)
        .inNamespace(home)
        .withName("acme-prod")
        .edit(
            s -> {
              s.getSpec().setQuota(null);
              s.getSpec().setOrgQuota(null);
              s.getSpec().setRestrictEgress(null);
              s.getSpec().setSecurityGroups(null);
              return s;
            });
    await(
        "ResourceQuota, LimitRange and NetworkPolicies to be deleted",
        () -> quota(target) == null && limitRange(target) == null && policies(target).isEmpty());
    await(
        "the third instance to run once the quota is gone",
        () ->
            client
                    .pods()
                    .inNamespace(target)
                    .withLabel("gitfoundry.dev/app", "web")
                    .list()
                    .getItems()
                    .size()
                == 3);
  }

  private static QuotaSpec quota(String name, Long totalMb, Long instanceMb, Integer instances) {
    QuotaSpec quota = new QuotaSpec();
    quota.setName(name);
    quota.setTotalMemoryMB(totalMb);
    quota.setInstanceMemoryMB(instanceMb);
    quota.setAppInstances(instances);
    return quota;
  }

  private static SecurityGroupSpec group(
      String name, String protocol, String destination, String ports) {
    SecurityGroupRule rule = new SecurityGroupRule();
    rule.setProtocol(protocol);
    rule.setDestination(destination);
    rule.setPorts(ports);
    SecurityGroupSpec group = new SecurityGroupSpec();
    group.setName(name);
    group.setBound(true);
    group.setRules(List.of(rule));
    return group;
  }

  private static ResourceQuota quota(String namespace) {
    return client.resourceQuotas().inNamespace(namespace).withName("gitfoundry-quota").get();
  }

  private static LimitRange limitRange(String namespace) {
    return client.limitRanges().inNamespace(namespace).withName("gitfoundry-limits").get();
  }

  private static List<NetworkPolicy> policies(String namespace) {
    return client.network().v1().networkPolicies().inNamespace(namespace).list().getItems();
  }

  private static NetworkPolicy policy(String namespace, String name) {
    return client.network().v1().networkPolicies().inNamespace(namespace).withName(name).get();
  }
}
