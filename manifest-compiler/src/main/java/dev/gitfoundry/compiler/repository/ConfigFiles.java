package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.foundation.QuotaDefinition;
import dev.gitfoundry.compiler.foundation.QuotaRules;
import dev.gitfoundry.compiler.manifest.MetadataRules;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** org.yml and space.yml: what an org or space declares besides its apps. */
final class ConfigFiles {
  static final Set<String> ORG_ROLES =
      Set.of("OrgManager", "OrgAuditor", "OrgBillingManager", "OrgUser");
  static final Set<String> SPACE_ROLES =
      Set.of("SpaceDeveloper", "SpaceManager", "SpaceAuditor", "SpaceSupporter");

  /** A name written somewhere, e.g. a security group bound in space.yml. */
  record Reference(String name, Position position) {}

  /**
   * {@code quota:} in org.yml or space.yml: the name of a foundation.yml quota, or an inline
   * definition (named after the org or space, as cf-mgmt names them).
   */
  record QuotaReference(String name, Position position, QuotaDefinition inline) {}

  /** Metadata, roles, quota and (spaces only) security groups of an org or a space. */
  record OrgOrSpace(
      CFMetadata metadata,
      List<RoleAssignment> roles,
      QuotaReference quota,
      List<Reference> securityGroups) {
    static final OrgOrSpace EMPTY = new OrgOrSpace(null, List.of(), null, List.of());
  }

  /** What a config file may hold besides metadata and roles. */
  enum Kind {
    ORG(ORG_ROLES, Set.of("metadata", "roles", "quota")),
    SPACE(SPACE_ROLES, Set.of("metadata", "roles", "quota", "security_groups"));

    final Set<String> roles;
    final Set<String> keys;

    Kind(Set<String> roles, Set<String> keys) {
      this.roles = roles;
      this.keys = keys;
    }
  }

  private ConfigFiles() {}

  /**
   * org.yml / space.yml: {@code metadata}, {@code roles: [{role, users, groups, serviceAccounts}]},
   * {@code quota} and, in space.yml, {@code security_groups}.
   *
   * @param name the org's or space's name, which an inline quota takes
   */
  static OrgOrSpace orgOrSpace(YamlNode root, Kind kind, String name, Findings findings) {
    Set<String> allowedRoles = kind.roles;
    if (root == null) {
      return OrgOrSpace.EMPTY;
    }
    if (!(root instanceof YamlMap map)) {
      findings.error(
          root.position(),
          "must be a map with " + String.join(", ", kind.keys.stream().sorted().toList()));
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
      if (!kind.keys.contains(entry.key())) {
        findings.warning(
            entry.keyPosition(),
            "unknown key '"
                + entry.key()
                + "' is ignored"
                + (entry.key().equals("security_groups")
                    ? ": security groups are bound to spaces, in space.yml"
                    : ""));
      }
    }
    return new OrgOrSpace(
        metadata,
        roles,
        quota(map.get("quota"), name, findings),
        kind == Kind.SPACE
            ? references(map.get("security_groups"), "security_groups", findings)
            : List.of());
  }

  private static QuotaReference quota(YamlNode node, String name, Findings findings) {
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return null;
    }
    if (node instanceof YamlScalar s && s.isString()) {
      return new QuotaReference(s.text(), s.position(), null);
    }
    if (node instanceof YamlMap) {
      QuotaDefinition inline = QuotaRules.read(name, node, findings);
      return inline == null ? null : new QuotaReference(name, node.position(), inline);
    }
    findings.error(
        node.position(),
        "quota must name a quota of foundation.yml, or be a map of limits (total_memory, ...)");
    return null;
  }

  /** A list of names, such as {@code security_groups: [dns, postgres]}. */
  static List<Reference> references(YamlNode node, String key, Findings findings) {
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return List.of();
    }
    if (!(node instanceof YamlList list)
        || !list.items().stream().allMatch(i -> i instanceof YamlScalar s && s.isString())) {
      findings.error(node.position(), key + " must be a list of security group names");
      return List.of();
    }
    return list.items().stream()
        .map(i -> new Reference(((YamlScalar) i).text(), i.position()))
        .toList();
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
