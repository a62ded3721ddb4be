package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Endpoints the CLI calls for features Gitfoundry does not have (isolation segments, droplets,
 * deployments, sidecars). Each answers the way the CLI accepts as "none", per reference/cf-api.md.
 */
final class StubEndpoints {
  private StubEndpoints() {}

  static void register(Router router) {
    for (String path :
        List.of(
            "/v3/isolation_segments",
            "/v3/service_route_bindings",
            "/v3/deployments",
            "/v3/droplets",
            "/v3/packages",
            "/v3/builds",
            "/v3/buildpacks",
            "/v3/stacks",
            "/v3/processes/:guid/sidecars",
            "/v3/apps/:guid/sidecars",
            "/v3/apps/:guid/packages",
            "/v3/apps/:guid/droplets")) {
      router.get(path, (request, p) -> ListQuery.page(request, List.of()));
    }
    router.get(
        "/v3/organizations/:guid/relationships/default_isolation_segment", StubEndpoints::noTarget);
    router.get("/v3/spaces/:guid/relationships/isolation_segment", StubEndpoints::noTarget);
    router.get(
        "/v3/apps/:guid/droplets/current",
        (request, p) -> {
          // The CLI tolerates exactly this detail and shows no "last uploaded".
          throw CfError.exactlyNotFound("Droplet not found");
        });
  }

  private static ObjectNode noTarget(CfRequest request, java.util.Map<String, String> p) {
    ObjectNode body = CfJson.object();
    body.putNull("data");
    return body;
  }
}
