package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import dev.gitfoundry.api.v1alpha1.SecurityGroupSpec;
import dev.gitfoundry.compiler.foundation.Ipv4;
import dev.gitfoundry.compiler.repository.KubernetesNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A space's security groups as NetworkPolicies on its app Pods (those labelled {@code
 * gitfoundry.dev/app}). Once the repository declares security groups, a base policy selects the app
 * Pods for egress, which denies everything it does not allow, and allows only DNS (port 53, to any
 * destination: cluster DNS runs elsewhere) and the Pods of the same space (processes of one app,
 * apps of one space); each security group adds one policy with one egress rule per rule of the
 * group. Policies add up, as CF's security groups do. ICMP has no NetworkPolicy form and is left
 * out (the compiler warns); {@code log} has none either.
 */
final class SpaceEgress {
  static final String BASE_NAME = "gitfoundry-egress";
  static final String GROUP_PREFIX = "gitfoundry-asg-";
  static final String COMPONENT = "egress";

  private SpaceEgress() {}

  static List<NetworkPolicy> policies(CFSpace space) {
    if (!Boolean.TRUE.equals(space.getSpec().getRestrictEgress())) {
      return List.of();
    }
    List<NetworkPolicy> policies = new ArrayList<>();
    policies.add(
        policy(
            space,
            BASE_NAME,
            List.of(
                new NetworkPolicyEgressRuleBuilder()
                    .withPorts(port("UDP", 53, null), port("TCP", 53, null))
                    .build(),
                new NetworkPolicyEgressRuleBuilder()
                    .withTo(
                        new NetworkPolicyPeerBuilder()
                            .withNewPodSelector()
                            .endPodSelector()
                            .build())
                    .build())));
    List<SecurityGroupSpec> groups = space.getSpec().getSecurityGroups();
    for (SecurityGroupSpec group : groups == null ? List.<SecurityGroupSpec>of() : groups) {
      List<NetworkPolicyEgressRule> rules = new ArrayList<>();
      for (SecurityGroupRule rule :
          group.getRules() == null ? List.<SecurityGroupRule>of() : group.getRules()) {
        NetworkPolicyEgressRule egress = egress(rule);
        if (egress != null) {
          rules.add(egress);
        }
      }
      NetworkPolicy policy =
          policy(space, GROUP_PREFIX + KubernetesNames.label(group.getName(), 48), rules);
      policy.getMetadata().getAnnotations().put(Labels.PREFIX + "security-group", group.getName());
      policies.add(policy);
    }
    return policies;
  }

  /** One CF rule: its destination's CIDR blocks, and its ports unless the protocol is all. */
  static NetworkPolicyEgressRule egress(SecurityGroupRule rule) {
    String protocol = rule.getProtocol() == null ? "" : rule.getProtocol();
    if (!List.of("tcp", "udp", "all").contains(protocol)) {
      return null;
    }
    List<NetworkPolicyPeer> to = new ArrayList<>();
    for (Ipv4.Block block : Ipv4.blocks(rule.getDestination())) {
      to.add(
          new NetworkPolicyPeerBuilder()
              .withNewIpBlock()
              .withCidr(block.cidr())
              .endIpBlock()
              .build());
    }
    NetworkPolicyEgressRuleBuilder egress = new NetworkPolicyEgressRuleBuilder().withTo(to);
    if (!protocol.equals("all")) {
      egress.withPorts(ports(protocol.toUpperCase(Locale.ROOT), rule.getPorts()));
    }
    return egress.build();
  }

  /** {@code 443}, {@code 80,443} or {@code 8000-9000}, as CC accepts them. */
  private static List<NetworkPolicyPort> ports(String protocol, String ports) {
    String text = ports.strip();
    List<NetworkPolicyPort> result = new ArrayList<>();
    if (text.matches("\\d+\\s*-\\s*\\d+")) {
      String[] ends = text.split("-");
      result.add(
          port(protocol, Integer.parseInt(ends[0].strip()), Integer.parseInt(ends[1].strip())));
      return result;
    }
    for (String port : text.split(",")) {
      result.add(port(protocol, Integer.parseInt(port.strip()), null));
    }
    return result;
  }

  private static NetworkPolicyPort port(String protocol, int port, Integer endPort) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(port))
        .withEndPort(endPort)
        .build();
  }

  private static NetworkPolicy policy(
      CFSpace space, String name, List<NetworkPolicyEgressRule> rules) {
    return new NetworkPolicyBuilder()
        .withMetadata(SpaceLimits.meta(space, name, COMPONENT))
        .withNewSpec()
        .withPodSelector(appPods())
        .withPolicyTypes("Egress")
        .withEgress(rules)
        .endSpec()
        .build();
  }

  private static LabelSelector appPods() {
    return new LabelSelectorBuilder()
        .addNewMatchExpression()
        .withKey(Labels.APP)
        .withOperator("Exists")
        .endMatchExpression()
        .build();
  }
}
