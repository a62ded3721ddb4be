package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.compiler.foundation.QuotaDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The quotas and security groups of every org and space of one compilation, resolved and checked:
 * apps over a quota are errors here, before anything is applied.
 */
final class TenantLimits {
  private final Map<String, QuotaDefinition> orgQuotas = new HashMap<>();
  private final Map<SpacePlan, QuotaDefinition> spaceQuotas = new IdentityHashMap<>();
  private final Map<SpacePlan, List<FoundationBindings.AppliedGroup>> groups =
      new IdentityHashMap<>();
  private boolean restrictEgress;

  private TenantLimits() {}

  static TenantLimits resolve(
      List<SpacePlan> plans,
      Map<String, ConfigFiles.OrgOrSpace> orgs,
      Function<String, String> orgFiles,
      FoundationBindings bindings,
      List<Diagnostic> diagnostics) {
    TenantLimits limits = new TenantLimits();
    limits.restrictEgress = bindings.restrictEgress();
    QuotaCheck check = new QuotaCheck(diagnostics);
    Map<String, List<SpacePlan>> spacesOfOrg = new LinkedHashMap<>();
    for (SpacePlan plan : plans) {
      spacesOfOrg.computeIfAbsent(plan.org(), o -> new ArrayList<>()).add(plan);
      QuotaDefinition quota = bindings.quota(plan.config().quota(), plan.configFile());
      if (quota != null) {
        limits.spaceQuotas.put(plan, quota);
        check.checkSpace(plan, quota);
      }
      limits.groups.put(
          plan, bindings.securityGroups(plan.config().securityGroups(), plan.configFile()));
    }
    spacesOfOrg.forEach(
        (org, spaces) -> {
          ConfigFiles.OrgOrSpace config = orgs.get(org);
          QuotaDefinition quota =
              config == null ? null : bindings.quota(config.quota(), orgFiles.apply(org));
          if (quota != null) {
            limits.orgQuotas.put(org, quota);
            check.checkOrg(org, spaces, quota);
          }
        });
    bindings.reportUnused();
    return limits;
  }

  QuotaDefinition orgQuota(String org) {
    return orgQuotas.get(org);
  }

  QuotaDefinition spaceQuota(SpacePlan plan) {
    return spaceQuotas.get(plan);
  }

  boolean restrictEgress() {
    return restrictEgress;
  }

  List<FoundationBindings.AppliedGroup> securityGroups(SpacePlan plan) {
    return groups.getOrDefault(plan, List.of());
  }
}
