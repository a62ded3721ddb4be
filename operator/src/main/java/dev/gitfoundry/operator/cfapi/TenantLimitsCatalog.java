package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import dev.gitfoundry.api.v1alpha1.SecurityGroupSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quotas and security groups as Cloud Controller has them, gathered from the CFOrgs and CFSpaces
 * that carry them (the compiler copies each definition onto what it applies to): one org quota per
 * GUID with the orgs it applies to, one space quota per GUID with its org and spaces, one security
 * group per GUID with the spaces it is bound to and whether it is a running default.
 */
final class TenantLimitsCatalog {
  /** An org quota; {@code carrier} dates it. */
  record OrgQuota(QuotaSpec quota, CFOrg carrier, List<String> orgGuids) {}

  /** A space quota, owned by an org as in CF. */
  record SpaceQuota(QuotaSpec quota, CFSpace carrier, String orgGuid, List<String> spaceGuids) {}

  /** A security group and the spaces it is bound to for running apps. */
  record SecurityGroup(
      SecurityGroupSpec group, CFSpace carrier, boolean global, List<String> runningSpaceGuids) {}

  private TenantLimitsCatalog() {}

  /** Quotas of the orgs the caller sees. */
  static List<OrgQuota> orgQuotas(CallerView view) {
    Map<String, OrgQuota> quotas = new LinkedHashMap<>();
    for (CFOrg org : view.orgs()) {
      QuotaSpec quota = org.getSpec().getQuota();
      if (quota != null && quota.getGuid() != null) {
        quotas
            .computeIfAbsent(quota.getGuid(), g -> new OrgQuota(quota, org, new ArrayList<>()))
            .orgGuids()
            .add(CfGuids.of(org));
      }
    }
    return List.copyOf(quotas.values());
  }

  /** Quotas of the spaces the caller sees. */
  static List<SpaceQuota> spaceQuotas(CallerView view) {
    Map<String, SpaceQuota> quotas = new LinkedHashMap<>();
    for (CFSpace space : view.spaces(null, null)) {
      QuotaSpec quota = space.getSpec().getQuota();
      if (quota != null && quota.getGuid() != null) {
        quotas
            .computeIfAbsent(
                quota.getGuid(),
                g -> new SpaceQuota(quota, space, view.orgGuidOf(space), new ArrayList<>()))
            .spaceGuids()
            .add(CfGuids.of(space));
      }
    }
    return List.copyOf(quotas.values());
  }

  /**
   * The groups bound to spaces the caller sees, and every running default (CC shows those to
   * everyone), each with the visible spaces it is bound to.
   */
  static List<SecurityGroup> securityGroups(CallerView view) {
    Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    Set<CFSpace> visible = Collections.newSetFromMap(new IdentityHashMap<>());
    visible.addAll(view.spaces(null, null));
    for (CFSpace space : view.foundation().spaces()) {
      boolean seen = visible.contains(space);
      for (SecurityGroupSpec group : groupsOf(space)) {
        boolean global = Boolean.TRUE.equals(group.getGlobal());
        if (group.getGuid() == null || (!seen && !global)) {
          continue;
        }
        SecurityGroup entry =
            groups.computeIfAbsent(
                group.getGuid(), g -> new SecurityGroup(group, space, global, new ArrayList<>()));
        if (seen && Boolean.TRUE.equals(group.getBound())) {
          entry.runningSpaceGuids().add(CfGuids.of(space));
        }
      }
    }
    return List.copyOf(groups.values());
  }

  /** What applies to one space's running apps: its bound groups and the running defaults. */
  static List<SecurityGroup> runningGroups(CFSpace space) {
    List<SecurityGroup> groups = new ArrayList<>();
    for (SecurityGroupSpec group : groupsOf(space)) {
      groups.add(
          new SecurityGroup(
              group,
              space,
              Boolean.TRUE.equals(group.getGlobal()),
              Boolean.TRUE.equals(group.getBound()) ? List.of(CfGuids.of(space)) : List.of()));
    }
    return groups;
  }

  private static List<SecurityGroupSpec> groupsOf(CFSpace space) {
    List<SecurityGroupSpec> groups = space.getSpec().getSecurityGroups();
    return groups == null ? List.of() : groups;
  }
}
