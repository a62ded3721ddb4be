package dev.gitfoundry.compiler.foundation;

import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates a security group's rules the way Cloud Controller's {@code RulesValidator} does, with
 * its messages ({@code Rules[0]: protocol must be ...}), for CC's default settings: IPv4 only, one
 * destination per rule. YAML's typing is forgiven where CC's JSON would be strict: {@code ports:
 * 443} is the string "443".
 */
public final class SecurityGroupRules {
  static final int MAX_NAME_LENGTH = 250;
  private static final Set<String> KEYS =
      Set.of("code", "description", "destination", "log", "ports", "protocol", "type");
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "icmpv6", "all");
  private static final String DESTINATION =
      "destination must be a valid CIDR, IP address, or IP address range";
  private static final String PORTS =
      "ports must be a valid single port, comma separated list of ports, or range or ports,"
          + " formatted as a string";
  private static final Pattern PORT_RANGE = Pattern.compile("\\A\\s*(\\d+)\\s*-\\s*(\\d+)\\s*\\z");
  private static final Pattern PORT = Pattern.compile("\\A\\s*\\d+\\s*\\z");

  private final Findings findings;

  private SecurityGroupRules(Findings findings) {
    this.findings = findings;
  }

  /**
   * The group with its valid rules; errors are recorded (and fail the compilation), but the group
   * still exists for the spaces that bind it.
   */
  public static SecurityGroupDefinition read(
      String name, Position namePosition, YamlNode node, Findings findings) {
    if (name.length() > MAX_NAME_LENGTH) {
      findings.error(
          namePosition, "Name is too long (maximum is " + MAX_NAME_LENGTH + " characters)");
    }
    List<SecurityGroupRule> rules = new ArrayList<>();
    if (!(node instanceof YamlList list)) {
      findings.error(
          node == null ? namePosition : node.position(),
          "Rules must be an array: security group '"
              + name
              + "' is a list of rules ({protocol, destination, ports, ...})");
    } else {
      SecurityGroupRules reader = new SecurityGroupRules(findings);
      for (int i = 0; i < list.items().size(); i++) {
        SecurityGroupRule rule = reader.rule(i, list.items().get(i));
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    return new SecurityGroupDefinition(name, findings.file(), namePosition, rules);
  }

  private SecurityGroupRule rule(int index, YamlNode node) {
    Problems problems = new Problems(index, node.position());
    if (!(node instanceof YamlMap map)) {
      problems.add(null, "must be an object");
      return null;
    }
    List<String> unknown = map.entries().keySet().stream().filter(k -> !KEYS.contains(k)).toList();
    if (!unknown.isEmpty()) {
      problems.add(
          map.entries().get(unknown.get(0)).keyPosition(),
          "unknown field(s): "
              + unknown.stream()
                  .map(k -> "\"" + k + "\"")
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    SecurityGroupRule rule = new SecurityGroupRule();
    rule.setProtocol(text(map, "protocol"));
    if (rule.getProtocol() == null || !PROTOCOLS.contains(rule.getProtocol())) {
      problems.add(at(map, "protocol"), "protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'");
    }
    rule.setDestination(destination(map, problems));
    rule.setDescription(description(map, problems));
    rule.setLog(log(map, problems));
    rule.setPorts(ports(map));
    rule.setType(integer(map, "type"));
    rule.setCode(integer(map, "code"));
    protocolRules(map, rule, problems);
    return problems.any ? null : rule;
  }

  private String destination(YamlMap map, Problems problems) {
    YamlNode node = map.get("destination");
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      problems.add(at(map, "destination"), DESTINATION);
      return null;
    }
    if (!(node instanceof YamlScalar s && s.isString())) {
      problems.add(node.position(), "destination must be a string");
      return null;
    }
    String destination = s.text();
    if (destination.chars().anyMatch(Character::isWhitespace)) {
      problems.add(node.position(), "destination must not contain whitespace");
      return null;
    }
    if (destination.contains(",")) {
      problems.add(node.position(), DESTINATION);
      return null;
    }
    boolean leadingZeros = Ipv4.hasLeadingZeros(destination);
    if (leadingZeros) {
      problems.add(node.position(), "destination octets cannot contain leading zeros");
    }
    String[] ends = destination.split("-");
    if (ends.length == 1 && !destination.endsWith("-")) {
      if (Ipv4.network(destination) == null && !leadingZeros) {
        problems.add(node.position(), DESTINATION);
      }
    } else if (ends.length == 2) {
      Long first = Ipv4.address(ends[0]);
      Long last = Ipv4.address(ends[1]);
      if (first == null || last == null) {
        problems.add(node.position(), "destination IP address range is invalid");
      } else if (first > last) {
        problems.add(
            node.position(),
            "beginning of IP address range is numerically greater than the end of its range"
                + " (range endpoints are inverted)");
      }
    } else {
      problems.add(node.position(), DESTINATION);
    }
    return destination;
  }

  private static String description(YamlMap map, Problems problems) {
    YamlNode node = map.get("description");
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return null;
    }
    if (!(node instanceof YamlScalar s)) {
      problems.add(node.position(), "description must be a string");
      return null;
    }
    return s.text();
  }

  private static Boolean log(YamlMap map, Problems problems) {
    YamlNode node = map.get("log");
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return null;
    }
    if (!(node instanceof YamlScalar s && s.isBoolean())) {
      problems.add(node.position(), "log must be a boolean");
      return null;
    }
    return (Boolean) s.value();
  }

  private void protocolRules(YamlMap map, SecurityGroupRule rule, Problems problems) {
    String protocol = rule.getProtocol() == null ? "" : rule.getProtocol();
    switch (protocol) {
      case "tcp", "udp" -> {
        if (!map.has("ports")) {
          problems.add(null, "ports are required for protocols of type TCP and UDP");
        }
        if (rule.getPorts() == null || !validPorts(rule.getPorts())) {
          problems.add(at(map, "ports"), PORTS);
        }
      }
      case "icmp", "icmpv6" -> {
        if (protocol.equals("icmpv6")) {
          problems.add(at(map, "protocol"), "icmpv6 cannot be used if enable_ipv6 is false");
        }
        icmpField(map, "code", rule.getCode(), problems);
        icmpField(map, "type", rule.getType(), problems);
        if (!problems.any) {
          findings.warning(
              at(map, "protocol"),
              "Rules["
                  + problems.index
                  + "]: a Kubernetes NetworkPolicy cannot allow ICMP (only TCP, UDP and SCTP):"
                  + " cf shows this rule, but it allows nothing");
        }
      }
      case "all" -> {
        if (map.has("ports")) {
          problems.add(at(map, "ports"), "ports are not allowed for protocols of type all");
        }
      }
      default -> {
        // The protocol error above says it all.
      }
    }
  }

  private static void icmpField(YamlMap map, String key, Integer value, Problems problems) {
    if (!map.has(key)) {
      problems.add(null, key + " is required for protocols of type ICMP");
    }
    if (value == null || value < -1 || value > 255) {
      problems.add(at(map, key), key + " must be an integer between -1 and 255 (inclusive)");
    }
  }

  /** CC's TransportRuleValidator: one port, a comma list, or {@code low-high} with low < high. */
  static boolean validPorts(String ports) {
    if (!ports.matches("[\\d\\s\\-,]*")) {
      return false;
    }
    Matcher range = PORT_RANGE.matcher(ports);
    if (range.matches()) {
      long low = Long.parseLong(range.group(1));
      long high = Long.parseLong(range.group(2));
      return low < high && inRange(low) && inRange(high);
    }
    String[] list = ports.split(",");
    if (list.length == 0 || ports.isEmpty()) {
      return false;
    }
    for (String port : list) {
      if (!PORT.matcher(port).matches() || !inRange(Long.parseLong(port.strip()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean inRange(long port) {
    return port > 0 && port < 65_536;
  }

  private static String ports(YamlMap map) {
    return map.get("ports") instanceof YamlScalar s && !s.isNull() ? s.text() : null;
  }

  private static Integer integer(YamlMap map, String key) {
    if (map.get(key) instanceof YamlScalar s
        && s.value() instanceof Long l
        && l >= Integer.MIN_VALUE
        && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    return null;
  }

  private static String text(YamlMap map, String key) {
    return map.get(key) instanceof YamlScalar s && s.isString() ? s.text() : null;
  }

  private static Position at(YamlMap map, String key) {
    YamlNode value = map.get(key);
    return value != null ? value.position() : null;
  }

  /** The errors of one rule, prefixed as CC prefixes them. */
  private final class Problems {
    final int index;
    final Position rulePosition;
    boolean any;

    Problems(int index, Position rulePosition) {
      this.index = index;
      this.rulePosition = rulePosition;
    }

    void add(Position at, String message) {
      any = true;
      findings.error(at == null ? rulePosition : at, "Rules[" + index + "]: " + message);
    }
  }
}
