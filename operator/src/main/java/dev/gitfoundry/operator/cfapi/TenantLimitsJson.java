package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import dev.gitfoundry.api.v1alpha1.SecurityGroupRule;
import java.util.List;

/**
 * V3 organization quotas, space quotas and security groups, in Cloud Controller's shape. Every
 * limit is present, {@code null} when unlimited: the cf CLI dereferences them all.
 */
final class TenantLimitsJson {
  private TenantLimitsJson() {}

  static ObjectNode orgQuota(TenantLimitsCatalog.OrgQuota entry, String baseUrl) {
    QuotaSpec quota = entry.quota();
    ObjectNode json = limits(quota);
    CfJson.timestamps(json, entry.carrier());
    json.putObject("domains").putNull("total_domains");
    ObjectNode relationships = json.putObject("relationships");
    relationships.putObject("organizations").set("data", guids(entry.orgGuids()));
    json.putObject("links")
        .set("self", CfJson.link(baseUrl + "/v3/organization_quotas/" + quota.getGuid()));
    return json;
  }

  static ObjectNode spaceQuota(TenantLimitsCatalog.SpaceQuota entry, String baseUrl) {
    QuotaSpec quota = entry.quota();
    ObjectNode json = limits(quota);
    CfJson.timestamps(json, entry.carrier());
    ObjectNode relationships = json.putObject("relationships");
    relationships.set("organization", CfJson.toOne(entry.orgGuid()));
    relationships.putObject("spaces").set("data", guids(entry.spaceGuids()));
    ObjectNode links = json.putObject("links");
    links.set("self", CfJson.link(baseUrl + "/v3/space_quotas/" + quota.getGuid()));
    links.set("organization", CfJson.link(baseUrl + "/v3/organizations/" + entry.orgGuid()));
    return json;
  }

  static ObjectNode securityGroup(TenantLimitsCatalog.SecurityGroup entry, String baseUrl) {
    ObjectNode json = CfJson.object();
    json.put("guid", entry.group().getGuid());
    CfJson.timestamps(json, entry.carrier());
    json.put("name", entry.group().getName());
    ArrayNode rules = json.putArray("rules");
    for (SecurityGroupRule rule :
        entry.group().getRules() == null
            ? List.<SecurityGroupRule>of()
            : entry.group().getRules()) {
      rules.add(rule(rule));
    }
    ObjectNode globally = json.putObject("globally_enabled");
    globally.put("running", entry.global());
    // Staging groups would apply to builds, which are kpack Pods outside CF's model here.
    globally.put("staging", false);
    ObjectNode relationships = json.putObject("relationships");
    relationships.putObject("running_spaces").set("data", guids(entry.runningSpaceGuids()));
    relationships.putObject("staging_spaces").putArray("data");
    json.putObject("links")
        .set("self", CfJson.link(baseUrl + "/v3/security_groups/" + entry.group().getGuid()));
    return json;
  }

  private static ObjectNode rule(SecurityGroupRule rule) {
    ObjectNode json = CfJson.object();
    json.put("protocol", rule.getProtocol());
    json.put("destination", rule.getDestination());
    if (rule.getPorts() != null) {
      json.put("ports", rule.getPorts());
    }
    if (rule.getType() != null) {
      json.put("type", rule.getType());
    }
    if (rule.getCode() != null) {
      json.put("code", rule.getCode());
    }
    if (rule.getDescription() != null) {
      json.put("description", rule.getDescription());
    }
    if (rule.getLog() != null) {
      json.put("log", rule.getLog());
    }
    return json;
  }

  /** What org and space quotas share: guid, name and the three groups of limits. */
  private static ObjectNode limits(QuotaSpec quota) {
    ObjectNode json = CfJson.object();
    json.put("guid", quota.getGuid());
    json.put("name", quota.getName());
    ObjectNode apps = json.putObject("apps");
    apps.put("total_memory_in_mb", quota.getTotalMemoryMB());
    apps.put("per_process_memory_in_mb", quota.getInstanceMemoryMB());
    apps.put("total_instances", quota.getAppInstances());
    apps.putNull("per_app_tasks");
    apps.put("log_rate_limit_in_bytes_per_second", quota.getLogRateLimitBytesPerSecond());
    ObjectNode services = json.putObject("services");
    // No plans exist here, so none is refused: paid plans count as allowed unless Git says not.
    services.put("paid_services_allowed", !Boolean.FALSE.equals(quota.getPaidServicePlans()));
    services.put("total_service_instances", quota.getServiceInstances());
    services.putNull("total_service_keys");
    ObjectNode routes = json.putObject("routes");
    routes.put("total_routes", quota.getRoutes());
    routes.put("total_reserved_ports", quota.getReservedRoutePorts());
    return json;
  }

  private static ArrayNode guids(List<String> guids) {
    ArrayNode data = CfJson.array();
    guids.forEach(guid -> data.addObject().put("guid", guid));
    return data;
  }
}
