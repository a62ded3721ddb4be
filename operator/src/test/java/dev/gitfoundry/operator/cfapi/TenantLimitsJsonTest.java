package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import dev.gitfoundry.api.v1alpha1.SecurityGroupSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON the cf CLI reads: every limit present (it dereferences them all), null = unlimited. */
class TenantLimitsJsonTest {
  private static final String BASE = "http://api";

  @Test
  void anOrgQuotaHasEveryLimitAndItsOrgs() {
    QuotaSpec quota = new QuotaSpec();
    quota.setName("standard");
    quota.setGuid("q1");
    quota.setTotalMemoryMB(4096L);
    quota.setRoutes(20);
    CFOrg org = new CFOrg();
    org.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");

    ObjectNode json =
        TenantLimitsJson.orgQuota(
            new TenantLimitsCatalog.OrgQuota(quota, org, List.of("o1", "o2")), BASE);

    assertThat(json.toString())
        .isEqualTo(
            "{\"guid\":\"q1\",\"name\":\"standard\",\"apps\":{\"total_memory_in_mb\":4096,"
                + "\"per_process_memory_in_mb\":null,\"total_instances\":null,\"per_app_tasks\":null,"
                + "\"log_rate_limit_in_bytes_per_second\":null},\"services\":{"
                + "\"paid_services_allowed\":true,\"total_service_instances\":null,"
                + "\"total_service_keys\":null},\"routes\":{\"total_routes\":20,"
                + "\"total_reserved_ports\":null},\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"updated_at\":\"2026-01-01T00:00:00Z\",\"domains\":{\"total_domains\":null},"
                + "\"relationships\":{\"organizations\":{\"data\":[{\"guid\":\"o1\"},"
                + "{\"guid\":\"o2\"}]}},\"links\":{\"self\":{\"href\":"
                + "\"http://api/v3/organization_quotas/q1\"}}}");
  }

  @Test
  void aSpaceQuotaBelongsToItsOrg() {
    QuotaSpec quota = new QuotaSpec();
    quota.setName("small");
    quota.setGuid("q2");
    quota.setPaidServicePlans(false);
    ObjectNode json =
        TenantLimitsJson.spaceQuota(
            new TenantLimitsCatalog.SpaceQuota(quota, new CFSpace(), "o1", List.of("s1")), BASE);
    assertThat(json.at("/relationships/organization/data/guid").asText()).isEqualTo("o1");
    assertThat(json.at("/relationships/spaces/data/0/guid").asText()).isEqualTo("s1");
    assertThat(json.at("/services/paid_services_allowed").asBoolean()).isFalse();
    assertThat(json.at("/links/organization/href").asText())
        .isEqualTo("http://api/v3/organizations/o1");
    assertThat(json.has("domains")).isFalse();
  }

  @Test
  void aSecurityGroupHasItsRulesAsWrittenAndItsBindings() {
    SecurityGroupRule rule = new SecurityGroupRule();
    rule.setProtocol("icmp");
    rule.setDestination("10.0.0.0/8");
    rule.setType(-1);
    rule.setCode(0);
    rule.setLog(true);
    SecurityGroupSpec group = new SecurityGroupSpec();
    group.setName("ping");
    group.setGuid("g1");
    group.setRules(List.of(rule));

    ObjectNode json =
        TenantLimitsJson.securityGroup(
            new TenantLimitsCatalog.SecurityGroup(group, new CFSpace(), true, List.of("s1")), BASE);

    assertThat(json.get("rules").toString())
        .isEqualTo(
            "[{\"protocol\":\"icmp\",\"destination\":\"10.0.0.0/8\",\"type\":-1,\"code\":0,"
                + "\"log\":true}]");
    assertThat(json.at("/globally_enabled/running").asBoolean()).isTrue();
    assertThat(json.at("/globally_enabled/staging").asBoolean()).isFalse();
    assertThat(json.at("/relationships/running_spaces/data/0/guid").asText()).isEqualTo("s1");
    assertThat(json.at("/relationships/staging_spaces/data").isArray()).isTrue();
  }
}
