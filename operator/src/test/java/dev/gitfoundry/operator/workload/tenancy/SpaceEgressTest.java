package dev.gitfoundry.operator.workload.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import dev.gitfoundry.api.v1alpha1.SecurityGroupSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceEgressTest {
  private static SecurityGroupRule rule(String protocol, String destination, String ports) {
    SecurityGroupRule rule = new SecurityGroupRule();
    rule.setProtocol(protocol);
    rule.setDestination(destination);
    rule.setPorts(ports);
    return rule;
  }

  private static SecurityGroupSpec group(String name, SecurityGroupRule... rules) {
    SecurityGroupSpec group = new SecurityGroupSpec();
    group.setName(name);
    group.setRules(List.of(rules));
    return group;
  }

  private static String describe(NetworkPolicyEgressRule rule) {
    String to =
        rule.getTo() == null || rule.getTo().isEmpty()
            ? "*"
            : String.join(
                ",",
                rule.getTo().stream()
                    .map(p -> p.getIpBlock() != null ? p.getIpBlock().getCidr() : "same-space")
                    .toList());
    String ports =
        rule.getPorts() == null || rule.getPorts().isEmpty()
            ? "all"
            : String.join(
                ",",
                rule.getPorts().stream()
                    .map(
                        p ->
                            p.getProtocol()
                                + "/"
                                + p.getPort().getIntVal()
                                + (p.getEndPort() == null ? "" : "-" + p.getEndPort()))
                    .toList());
    return to + " " + ports;
  }

  @Test
  void aBasePolicyAllowsDnsAndTheSpaceAndEachGroupAddsItsRules() {
    CFSpace space = SpaceLimitsTest.space(null, null);
    space.getSpec().setRestrictEgress(true);
    space
        .getSpec()
        .setSecurityGroups(
            List.of(
                group("Public Networks", rule("all", "0.0.0.0-9.255.255.255", null)),
                group(
                    "db",
                    rule("tcp", "10.0.8.10", "5432,6432"),
                    rule("udp", "10.0.0.0/8", "8000-9000"),
                    rule("icmp", "0.0.0.0/0", null))));

    List<NetworkPolicy> policies = SpaceEgress.policies(space);

    assertThat(policies)
        .extracting(p -> p.getMetadata().getName())
        .hasSize(3)
        .first()
        .isEqualTo("gitfoundry-egress");
    // Not a valid Kubernetes name: cleaned up, with a short hash of the CF name.
    assertThat(policies.get(1).getMetadata().getName())
        .matches("gitfoundry-asg-public-networks-[0-9a-f]{6}");
    assertThat(policies.get(2).getMetadata().getName()).isEqualTo("gitfoundry-asg-db");
    for (NetworkPolicy policy : policies) {
      assertThat(policy.getMetadata().getNamespace()).isEqualTo("acme-prod");
      assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Egress");
      assertThat(policy.getSpec().getPodSelector().getMatchExpressions().get(0).getKey())
          .isEqualTo("gitfoundry.dev/app");
    }
    assertThat(policies.get(0).getSpec().getEgress())
        .extracting(SpaceEgressTest::describe)
        .containsExactly("* UDP/53,TCP/53", "same-space all");
    assertThat(policies.get(1).getSpec().getEgress())
        .extracting(SpaceEgressTest::describe)
        .containsExactly("0.0.0.0/5,8.0.0.0/7 all");
    assertThat(policies.get(1).getMetadata().getAnnotations())
        .containsEntry("gitfoundry.dev/security-group", "Public Networks");
    assertThat(policies.get(2).getSpec().getEgress())
        .extracting(SpaceEgressTest::describe)
        .containsExactly("10.0.8.10/32 TCP/5432,TCP/6432", "10.0.0.0/8 UDP/8000-9000");
  }

  @Test
  void noPoliciesWhileTheRepositoryDeclaresNoSecurityGroups() {
    assertThat(SpaceEgress.policies(SpaceLimitsTest.space(null, null))).isEmpty();
  }
}
