package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.manifest.MetadataRules;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** foundation.yml, org.yml and space.yml: the files of the repository layout besides manifests. */
final class ConfigFiles {
  static final Set<String> ORG_ROLES =
      Set.of("OrgManager", "OrgAuditor", "OrgBillingManager", "OrgUser");
  static final Set<String> SPACE_ROLES =
      Set.of("SpaceDeveloper", "SpaceManager", "SpaceAuditor", "SpaceSupporter");

  /** Metadata and roles of an org or a space. */
  record OrgOrSpace(CFMetadata metadata, List<RoleAssignment> roles) {
    static final OrgOrSpace EMPTY = new OrgOrSpace(null, List.of());
  }

  private ConfigFiles() {}

  /**
   * {@code domains:} a list of names or {@code {name, internal, tcp}} maps; the first is the
   * default.
   */
  static List<DomainSpec> domains(YamlNode root, Findings findings) {
    List<DomainSpec> domains = new ArrayList<>();
    if (root == null) {
      return domains;
    }
    if (!(root instanceof YamlMap map)) {
      findings.error(root.position(), "foundation.yml must be a map with a 'domains' list");
      return domains;
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      if (!entry.key().equals("domains")) {
        findings.warning(
            entry.keyPosition(), "unknown key '" + entry.key() + "' in foundation.yml is ignored");
      }
    }
    YamlNode list = map.get("domains");
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

  private static DomainSpec domain(YamlNode item) {
    if (item instanceof YamlScalar s && s.isString() && validDomain(s.text())) {
      return DomainSpec.shared(s.text().toLowerCase(java.util.Locale.ROOT));
    }
    if (item instanceof YamlMap map
        && map.get("name") instanceof YamlScalar name
        && validDomain(name.text())) {
      return new DomainSpec(
          name.text().toLowerCase(java.util.Locale.ROOT), flag(map, "internal"), flag(map, "tcp"));
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

  /**
   * org.yml / space.yml: {@code metadata} and {@code roles: [{role, users, groups,
   * serviceAccounts}]}.
   */
  static OrgOrSpace orgOrSpace(YamlNode root, Set<String> allowedRoles, Findings findings) {
    if (root == null) {
      return OrgOrSpace.EMPTY;
    }
    if (!(root instanceof YamlMap map)) {
      findings.error(root.position(), "must be a map with 'metadata' and/or 'roles'");
      return OrgOrSpace.EMPTY;
    }
    CFMetadata metadata = null;
    if (map.get("metadata") != null) {
      MetadataRules.Metadata parsed = MetadataRules.read(map.get("metadata"), findings::error);
      metadata = new CFMetadata();
      metadata.setLabels(parsed.labels().isEmpty() ? null : parsed.labels());
      metadata.setAnnotations(parsed.annotations().isEmpty() ? null : parsed.annotations());
    }
    List<RoleAssignment> roles = new ArrayList<>();
    YamlNode rolesNode = map.get("roles");
    if (rolesNode instanceof YamlList list) {
      for (YamlNode item : list.items()) {
        RoleAssignment role = role(item, allowedRoles, findings);
        if (role != null) {
          roles.add(role);
        }
      }
    } else if (rolesNode != null) {
      findings.error(
          rolesNode.position(), "roles must be a list of {role, users, groups, serviceAccounts}");
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      if (!entry.key().equals("metadata") && !entry.key().equals("roles")) {
        findings.warning(entry.keyPosition(), "unknown key '" + entry.key() + "' is ignored");
      }
    }
    return new OrgOrSpace(metadata, roles);
  }

  private static RoleAssignment role(YamlNode item, Set<String> allowedRoles, Findings findings) {
    if (!(item instanceof YamlMap map) || !(map.get("role") instanceof YamlScalar role)) {
      findings.error(
          item.position(), "a role assignment needs 'role' and users, groups or serviceAccounts");
      return null;
    }
    if (!allowedRoles.contains(role.text())) {
      findings.error(
          role.position(),
          "unknown role '"
              + role.text()
              + "': use one of "
              + String.join(", ", allowedRoles.stream().sorted().toList()));
      return null;
    }
    RoleAssignment assignment = new RoleAssignment();
    assignment.setRole(role.text());
    assignment.setUsers(names(map, "users", findings));
    assignment.setGroups(names(map, "groups", findings));
    assignment.setServiceAccounts(names(map, "serviceAccounts", findings));
    return assignment;
  }

  private static List<String> names(YamlMap map, String key, Findings findings) {
    YamlNode node = map.get(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof YamlList list)
        || !list.items().stream().allMatch(i -> i instanceof YamlScalar s && s.isString())) {
      findings.error(node.position(), key + " must be a list of names");
      return null;
    }
    return list.items().stream().map(i -> ((YamlScalar) i).text()).toList();
  }
}
