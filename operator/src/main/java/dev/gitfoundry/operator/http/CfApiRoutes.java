package dev.gitfoundry.operator.http;

/**
 * The paths the read-only CF API serves (its router's GET routes, {@code :guid} written {@code
 * {guid}}), so that its requests are counted by route and not by guid. A route added to the CF API
 * and not here is counted as {@link RouteTemplate#UNMATCHED}: less precise, never unbounded.
 */
public final class CfApiRoutes {
  public static final RouteTemplate ROUTES =
      RouteTemplate.of(
          "/",
          "/v3",
          "/v3/apps",
          "/v3/apps/{guid}",
          "/v3/apps/{guid}/droplets",
          "/v3/apps/{guid}/droplets/current",
          "/v3/apps/{guid}/packages",
          "/v3/apps/{guid}/processes",
          "/v3/apps/{guid}/processes/{type}",
          "/v3/apps/{guid}/processes/{type}/stats",
          "/v3/apps/{guid}/revisions",
          "/v3/apps/{guid}/revisions/deployed",
          "/v3/apps/{guid}/routes",
          "/v3/apps/{guid}/sidecars",
          "/v3/buildpacks",
          "/v3/builds",
          "/v3/deployments",
          "/v3/domains",
          "/v3/domains/{guid}",
          "/v3/droplets",
          "/v3/info",
          "/v3/isolation_segments",
          "/v3/organization_quotas",
          "/v3/organizations",
          "/v3/organizations/{guid}",
          "/v3/organizations/{guid}/domains",
          "/v3/organizations/{guid}/domains/default",
          "/v3/organizations/{guid}/relationships/default_isolation_segment",
          "/v3/packages",
          "/v3/processes",
          "/v3/processes/{guid}",
          "/v3/processes/{guid}/sidecars",
          "/v3/processes/{guid}/stats",
          "/v3/routes",
          "/v3/routes/{guid}",
          "/v3/routes/{guid}/destinations",
          "/v3/security_groups",
          "/v3/service_credential_bindings",
          "/v3/service_instances",
          "/v3/service_route_bindings",
          "/v3/space_quotas",
          "/v3/spaces",
          "/v3/spaces/{guid}",
          "/v3/spaces/{guid}/relationships/isolation_segment",
          "/v3/spaces/{guid}/running_security_groups",
          "/v3/spaces/{guid}/staging_security_groups",
          "/v3/stacks",
          "/whoami");

  private CfApiRoutes() {}
}
