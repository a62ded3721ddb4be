package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Quotas and security groups, read-only: {@code cf org-quotas}, {@code cf org-quota}, {@code cf
 * space-quotas}, {@code cf space-quota}, {@code cf security-groups}, {@code cf security-group},
 * {@code cf running-security-groups}, and what {@code cf org} and {@code cf space} show of them.
 * They come from Git (foundation.yml, org.yml, space.yml) through the CFOrgs and CFSpaces.
 */
final class TenantLimitsEndpoints {
  private final Function<CfRequest, CallerView> views;

  TenantLimitsEndpoints(Function<CfRequest, CallerView> views) {
    this.views = views;
  }

  void register(Router router) {
    router.get("/v3/organization_quotas", (request, p) -> orgQuotas(request));
    router.get("/v3/organization_quotas/:guid", (request, p) -> orgQuota(request, p.get("guid")));
    router.get("/v3/space_quotas", (request, p) -> spaceQuotas(request));
    router.get("/v3/space_quotas/:guid", (request, p) -> spaceQuota(request, p.get("guid")));
    router.get("/v3/security_groups", (request, p) -> securityGroups(request));
    router.get("/v3/security_groups/:guid", (request, p) -> securityGroup(request, p.get("guid")));
    router.get(
        "/v3/spaces/:guid/running_security_groups",
        (request, p) -> runningGroups(request, p.get("guid")));
    // Staging groups would apply to builds, which run as kpack Pods: none is ever bound.
    router.get(
        "/v3/spaces/:guid/staging_security_groups",
        (request, p) -> {
          space(request, p.get("guid"));
          return ListQuery.page(request, List.of());
        });
  }

  private ObjectNode orgQuotas(CfRequest request) {
    List<ObjectNode> quotas =
        TenantLimitsCatalog.orgQuotas(views.apply(request)).stream()
            .map(q -> TenantLimitsJson.orgQuota(q, request.baseUrl))
            .toList();
    return new ListQuery()
        .field("names", "name")
        .field("guids", "guid")
        .filter("organization_guids", r -> guids(r, "organizations"))
        .respond(request, quotas);
  }

  private ObjectNode orgQuota(CfRequest request, String guid) {
    return TenantLimitsCatalog.orgQuotas(views.apply(request)).stream()
        .filter(q -> guid.equals(q.quota().getGuid()))
        .findFirst()
        .map(q -> TenantLimitsJson.orgQuota(q, request.baseUrl))
        .orElseThrow(() -> CfError.resourceNotFound("Organization quota"));
  }

  private ObjectNode spaceQuotas(CfRequest request) {
    List<ObjectNode> quotas =
        TenantLimitsCatalog.spaceQuotas(views.apply(request)).stream()
            .map(q -> TenantLimitsJson.spaceQuota(q, request.baseUrl))
            .toList();
    return new ListQuery()
        .field("names", "name")
        .field("guids", "guid")
        .field("organization_guids", "relationships", "organization", "data", "guid")
        .filter("space_guids", r -> guids(r, "spaces"))
        .respond(request, quotas);
  }

  private ObjectNode spaceQuota(CfRequest request, String guid) {
    return TenantLimitsCatalog.spaceQuotas(views.apply(request)).stream()
        .filter(q -> guid.equals(q.quota().getGuid()))
        .findFirst()
        .map(q -> TenantLimitsJson.spaceQuota(q, request.baseUrl))
        .orElseThrow(() -> CfError.resourceNotFound("Space quota"));
  }

  private ObjectNode securityGroups(CfRequest request) {
    List<ObjectNode> groups =
        TenantLimitsCatalog.securityGroups(views.apply(request)).stream()
            .map(g -> TenantLimitsJson.securityGroup(g, request.baseUrl))
            .toList();
    return securityGroupQuery().respond(request, groups);
  }

  private ObjectNode securityGroup(CfRequest request, String guid) {
    return TenantLimitsCatalog.securityGroups(views.apply(request)).stream()
        .filter(g -> guid.equals(g.group().getGuid()))
        .findFirst()
        .map(g -> TenantLimitsJson.securityGroup(g, request.baseUrl))
        .orElseThrow(() -> CfError.resourceNotFound("Security group"));
  }

  private ObjectNode runningGroups(CfRequest request, String spaceGuid) {
    List<ObjectNode> groups =
        TenantLimitsCatalog.runningGroups(space(request, spaceGuid)).stream()
            .map(g -> TenantLimitsJson.securityGroup(g, request.baseUrl))
            .toList();
    return securityGroupQuery().respond(request, groups);
  }

  private CFSpace space(CfRequest request, String guid) {
    return views.apply(request).space(guid).orElseThrow(() -> CfError.resourceNotFound("Space"));
  }

  private static ListQuery securityGroupQuery() {
    return new ListQuery()
        .field("names", "name")
        .field("guids", "guid")
        .field("globally_enabled_running", "globally_enabled", "running")
        .field("globally_enabled_staging", "globally_enabled", "staging")
        .filter("running_space_guids", r -> guids(r, "running_spaces"))
        .filter("staging_space_guids", r -> guids(r, "staging_spaces"));
  }

  /** The guids of a to-many relationship. */
  private static Stream<String> guids(JsonNode resource, String relationship) {
    return resource
        .path("relationships")
        .path(relationship)
        .path("data")
        .findValuesAsText("guid")
        .stream();
  }
}
