package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.foundation.QuotaDefinition;
import dev.gitfoundry.compiler.foundation.QuotaRules;
import dev.gitfoundry.compiler.foundation.SecurityGroupDefinition;
import dev.gitfoundry.compiler.foundation.SecurityGroupRules;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * foundation.yml: the domains, named quotas, security groups and the running security groups bound
 * to every space. Every key is optional.
 */
record FoundationFile(
    List<DomainSpec> domains,
    Map<String, QuotaDefinition> quotas,
    Map<String, SecurityGroupDefinition> securityGroups,
    List<ConfigFiles.Reference> runningSecurityGroups) {

  static final FoundationFile EMPTY = new FoundationFile(List.of(), Map.of(), Map.of(), List.of());

  private static final Set<String> KEYS =
      Set.of("domains", "quotas", "security_groups", "running_security_groups");

  static FoundationFile read(YamlNode root, Findings findings) {
    if (root == null) {
      return EMPTY;
    }
    if (!(root instanceof YamlMap map)) {
      findings.error(
          root.position(),
          "foundation.yml must be a map with domains, quotas, security_groups and/or"
              + " running_security_groups");
      return EMPTY;
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      if (!KEYS.contains(entry.key())) {
        findings.warning(
            entry.keyPosition(), "unknown key '" + entry.key() + "' in foundation.yml is ignored");
      }
    }
    return new FoundationFile(
        domains(map.get("domains"), findings),
        quotas(map.get("quotas"), findings),
        securityGroups(map.get("security_groups"), findings),
        ConfigFiles.references(
            map.get("running_security_groups"), "running_security_groups", findings));
  }

  /**
   * {@code domains:} a list of names or {@code {name, internal, tcp}} maps; the first is the
   * default.
   */
  private static List<DomainSpec> domains(YamlNode list, Findings findings) {
    List<DomainSpec> domains = new ArrayList<>();
    if (list == null) {
      return domains;
    }
    if (!(list instanceof YamlList items)) {
      findings.error(list.position(), "domains must be a list of domain names");
      return domains;
    }
    for (YamlNode item : items.items()) {
      DomainSpec domain = domain(item);
      if (domain == null) {
        findings.error(
            item.position(),
            "a domain is a name like apps.example.com, or {name: NAME, internal: true|false, tcp: true|false}");
      } else {
        domains.add(domain);
      }
    }
    return domains;
  }

  private static Map<String, QuotaDefinition> quotas(YamlNode node, Findings findings) {
    Map<String, QuotaDefinition> quotas = new LinkedHashMap<>();
    if (node == null) {
      return quotas;
    }
    if (!(node instanceof YamlMap map)) {
      findings.error(node.position(), "quotas must be a map of quota names to their limits");
      return quotas;
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      QuotaDefinition quota = QuotaRules.read(entry.key(), entry.value(), findings);
      if (quota != null) {
        quotas.put(entry.key(), quota);
      }
    }
    return quotas;
  }

  private static Map<String, SecurityGroupDefinition> securityGroups(
      YamlNode node, Findings findings) {
    Map<String, SecurityGroupDefinition> groups = new LinkedHashMap<>();
    if (node == null) {
      return groups;
    }
    if (!(node instanceof YamlMap map)) {
      findings.error(
          node.position(), "security_groups must be a map of security group names to rule lists");
      return groups;
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      SecurityGroupDefinition group =
          SecurityGroupRules.read(entry.key(), entry.keyPosition(), entry.value(), findings);
      if (group != null) {
        groups.put(entry.key(), group);
      }
    }
    return groups;
  }

  private static DomainSpec domain(YamlNode item) {
    if (item instanceof YamlScalar s && s.isString() && validDomain(s.text())) {
      return DomainSpec.shared(s.text().toLowerCase(Locale.ROOT));
    }
    if (item instanceof YamlMap map
        && map.get("name") instanceof YamlScalar name
        && validDomain(name.text())) {
      return new DomainSpec(
          name.text().toLowerCase(Locale.ROOT), flag(map, "internal"), flag(map, "tcp"));
    }
    return null;
  }

  private static boolean flag(YamlMap map, String key) {
    return map.get(key) instanceof YamlScalar s && Boolean.TRUE.equals(s.value());
  }

  static boolean validDomain(String name) {
    return name.length() <= 253
        && name.matches(
            "(?i)^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");
  }
}
