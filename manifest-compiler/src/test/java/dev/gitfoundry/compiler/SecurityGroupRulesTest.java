package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compileTree;
import static dev.gitfoundry.compiler.CompilerFixtures.objects;
import static dev.gitfoundry.compiler.CompilerFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import dev.gitfoundry.api.v1alpha1.SecurityGroupSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security groups in foundation.yml, bound in space.yml or globally, with CC's rule checks. */
class SecurityGroupRulesTest {
  private static final String APP = "applications:\n- name: web\n";

  private static List<String> located(Compilation compilation, Diagnostic.Severity severity) {
    return compilation.diagnostics().stream()
        .filter(d -> d.severity() == severity)
        .map(d -> d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message())
        .toList();
  }

  private static List<String> ruleErrors(String rules) {
    Compilation compilation =
        compileTree(
            Map.of(
                "foundation.yml",
                "security_groups:\n  g:\n" + rules,
                "acme/prod/space.yml",
                "security_groups: [g]\n",
                "acme/prod/manifest.yml",
                APP));
    assertThat(compilation.objects()).isEmpty();
    return compilation.errors().stream().map(Diagnostic::message).toList();
  }

  private static CFSpace space(Compilation compilation, String name) {
    return objects(compilation, CFSpace.class).stream()
        .filter(s -> s.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void boundAndGlobalGroupsReachTheSpaceWithTheirRules() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "foundation.yml",
                    """
                    security_groups:
                      dns:
                        - {protocol: udp, destination: 0.0.0.0/0, ports: 53}
                      postgres:
                        - protocol: tcp
                          destination: 10.0.8.0-10.0.8.255
                          ports: "5432"
                          description: shared Postgres
                          log: true
                    running_security_groups: [dns]
                    """,
                    "acme/prod/space.yml",
                    "security_groups: [postgres, dns]\n",
                    "acme/prod/manifest.yml",
                    APP,
                    "acme/dev/manifest.yml",
                    "applications:\n- name: api\n")));
    CFSpace prod = space(compilation, "acme-prod");
    assertThat(prod.getSpec().getRestrictEgress()).isTrue();
    List<SecurityGroupSpec> groups = prod.getSpec().getSecurityGroups();
    assertThat(groups)
        .extracting(
            SecurityGroupSpec::getName, SecurityGroupSpec::getGlobal, SecurityGroupSpec::getBound)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dns", true, true),
            org.assertj.core.groups.Tuple.tuple("postgres", null, true));
    SecurityGroupRule postgres = groups.get(1).getRules().get(0);
    assertThat(postgres.getProtocol()).isEqualTo("tcp");
    assertThat(postgres.getDestination()).isEqualTo("10.0.8.0-10.0.8.255");
    assertThat(postgres.getPorts()).isEqualTo("5432");
    assertThat(postgres.getDescription()).isEqualTo("shared Postgres");
    assertThat(postgres.getLog()).isTrue();
    assertThat(groups.get(0).getRules().get(0).getPorts()).isEqualTo("53");
    assertThat(groups.get(0).getGuid()).isNotEqualTo(groups.get(1).getGuid());

    CFSpace dev = space(compilation, "acme-dev");
    assertThat(dev.getSpec().getRestrictEgress()).isTrue();
    assertThat(dev.getSpec().getSecurityGroups())
        .extracting(SecurityGroupSpec::getName)
        .containsExactly("dns");
  }

  @Test
  void withoutSecurityGroupsEgressStaysOpen() {
    Compilation compilation = valid(compileTree(Map.of("acme/prod/manifest.yml", APP)));
    assertThat(space(compilation, "acme-prod").getSpec().getRestrictEgress()).isNull();
    assertThat(space(compilation, "acme-prod").getSpec().getSecurityGroups()).isNull();
  }

  @Test
  void aDeclaredButUnboundGroupStillRestrictsEveryoneAndIsWarnedAbout() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "foundation.yml",
                    "security_groups:\n  spare:\n    - {protocol: all, destination: 10.0.0.0/8}\n",
                    "acme/prod/manifest.yml",
                    APP)));
    assertThat(space(compilation, "acme-prod").getSpec().getRestrictEgress()).isTrue();
    assertThat(located(compilation, Diagnostic.Severity.WARNING))
        .containsExactly(
            "foundation.yml:2:3: security group 'spare' is bound to no space and is not in"
                + " running_security_groups: it allows nothing");
  }

  @Test
  void unknownGroupsAndBindingsInOrgYmlAreReported() {
    Compilation compilation =
        compileTree(
            Map.of(
                "foundation.yml",
                "security_groups:\n  dns: [{protocol: udp, destination: 0.0.0.0/0, ports: 53}]\n"
                    + "running_security_groups: [dnz]\n",
                "acme/org.yml",
                "security_groups: [dns]\n",
                "acme/prod/space.yml",
                "security_groups: [dns, nope]\n",
                "acme/prod/manifest.yml",
                APP));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/space.yml:1:24: security group 'nope' is not defined in foundation.yml"
                + " (defined: dns)",
            "foundation.yml:3:27: security group 'dnz' is not defined in foundation.yml (defined:"
                + " dns)");
    assertThat(located(compilation, Diagnostic.Severity.WARNING))
        .contains(
            "acme/org.yml:1:1: unknown key 'security_groups' is ignored: security groups are"
                + " bound to spaces, in space.yml");
  }

  @Test
  void rulesAreCheckedWithCloudControllersMessages() {
    assertThat(ruleErrors("    - {protocol: sctp, destination: 10.0.0.1}\n"))
        .containsExactly("Rules[0]: protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'");
    assertThat(ruleErrors("    - {protocol: tcp, destination: 10.0.0.1}\n"))
        .containsExactly(
            "Rules[0]: ports are required for protocols of type TCP and UDP",
            "Rules[0]: ports must be a valid single port, comma separated list of ports, or range"
                + " or ports, formatted as a string");
    assertThat(ruleErrors("    - {protocol: udp, destination: 10.0.0.1, ports: 9000-80}\n"))
        .containsExactly(
            "Rules[0]: ports must be a valid single port, comma separated list of ports, or range"
                + " or ports, formatted as a string");
    assertThat(ruleErrors("    - {protocol: all, destination: 10.0.0.1, ports: 80}\n"))
        .containsExactly("Rules[0]: ports are not allowed for protocols of type all");
    assertThat(ruleErrors("    - {protocol: all}\n"))
        .containsExactly(
            "Rules[0]: destination must be a valid CIDR, IP address, or IP address range");
    assertThat(ruleErrors("    - {protocol: all, destination: 10.0.0.256}\n"))
        .containsExactly(
            "Rules[0]: destination must be a valid CIDR, IP address, or IP address range");
    assertThat(ruleErrors("    - {protocol: all, destination: 10.0.0.010}\n"))
        .containsExactly("Rules[0]: destination octets cannot contain leading zeros");
    assertThat(ruleErrors("    - {protocol: all, destination: '10.0.0.1, 10.0.0.2'}\n"))
        .containsExactly("Rules[0]: destination must not contain whitespace");
    assertThat(ruleErrors("    - {protocol: all, destination: '10.0.0.1,10.0.0.2'}\n"))
        .containsExactly(
            "Rules[0]: destination must be a valid CIDR, IP address, or IP address range");
    assertThat(ruleErrors("    - {protocol: all, destination: 10.0.0.9-10.0.0.1}\n"))
        .containsExactly(
            "Rules[0]: beginning of IP address range is numerically greater than the end of its"
                + " range (range endpoints are inverted)");
    assertThat(ruleErrors("    - {protocol: all, destination: 10.0.0.1-10.0.0.0/24}\n"))
        .containsExactly("Rules[0]: destination IP address range is invalid");
    assertThat(ruleErrors("    - {protocol: icmp, destination: 10.0.0.1, type: 300}\n"))
        .containsExactly(
            "Rules[0]: code is required for protocols of type ICMP",
            "Rules[0]: code must be an integer between -1 and 255 (inclusive)",
            "Rules[0]: type must be an integer between -1 and 255 (inclusive)");
    assertThat(ruleErrors("    - {protocol: icmpv6, destination: 10.0.0.1, type: 1, code: 0}\n"))
        .containsExactly("Rules[0]: icmpv6 cannot be used if enable_ipv6 is false");
    assertThat(
            ruleErrors(
                "    - {protocol: all, destination: 10.0.0.1, log: maybe, verbose: true}\n"
                    + "    - oops\n"))
        .containsExactly(
            "Rules[0]: log must be a boolean",
            "Rules[0]: unknown field(s): [\"verbose\"]",
            "Rules[1]: must be an object");
    assertThat(ruleErrors("    protocol: all\n"))
        .containsExactly(
            "Rules must be an array: security group 'g' is a list of rules ({protocol,"
                + " destination, ports, ...})");
  }

  @Test
  void ruleErrorsPointAtTheValueInFoundationYml() {
    Compilation compilation =
        compileTree(
            Map.of(
                "foundation.yml",
                "security_groups:\n  g:\n    - protocol: tcp\n      destination: 10.0.0.0/8\n"
                    + "      ports: 0-70000\n",
                "acme/prod/space.yml",
                "security_groups: [g]\n",
                "acme/prod/manifest.yml",
                APP));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "foundation.yml:5:14: Rules[0]: ports must be a valid single port, comma separated"
                + " list of ports, or range or ports, formatted as a string");
  }

  @Test
  void icmpRulesAreAcceptedWithAWarningThatNetworkPoliciesCannotAllowThem() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "foundation.yml",
                    "security_groups:\n  ping:\n    - {protocol: icmp, destination: 0.0.0.0/0,"
                        + " type: -1, code: -1}\n",
                    "acme/prod/space.yml",
                    "security_groups: [ping]\n",
                    "acme/prod/manifest.yml",
                    APP)));
    assertThat(located(compilation, Diagnostic.Severity.WARNING))
        .containsExactly(
            "foundation.yml:3:18: Rules[0]: a Kubernetes NetworkPolicy cannot allow ICMP (only"
                + " TCP, UDP and SCTP): cf shows this rule, but it allows nothing");
  }
}
