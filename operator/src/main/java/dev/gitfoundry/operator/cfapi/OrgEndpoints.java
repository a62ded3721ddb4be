package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import java.util.List;
import java.util.function.Function;

/** Organizations and spaces: what {@code cf orgs}, {@code cf spaces}, {@code cf target} read. */
final class OrgEndpoints {
  private final Function<CfRequest, CallerView> views;

  OrgEndpoints(Function<CfRequest, CallerView> views) {
    this.views = views;
  }

  void register(Router router) {
    router.get("/v3/organizations", (request, p) -> listOrgs(request));
    router.get("/v3/organizations/:guid", (request, p) -> org(request, p.get("guid")));
    router.get("/v3/spaces", (request, p) -> listSpaces(request));
    router.get("/v3/spaces/:guid", (request, p) -> space(request, p.get("guid")));
  }

  private ObjectNode listOrgs(CfRequest request) {
    List<ObjectNode> orgs =
        views.apply(request).orgs().stream().map(org -> OrgJson.of(org, request.baseUrl)).toList();
    return new ListQuery().field("names", "name").field("guids", "guid").respond(request, orgs);
  }

  private ObjectNode org(CfRequest request, String guid) {
    CFOrg org =
        views.apply(request).org(guid).orElseThrow(() -> CfError.resourceNotFound("Organization"));
    return OrgJson.of(org, request.baseUrl);
  }

  private ObjectNode listSpaces(CfRequest request) {
    CallerView view = views.apply(request);
    List<ObjectNode> spaces =
        view.spaces(request.list("guids"), request.list("organization_guids")).stream()
            .map(space -> SpaceJson.of(space, view.orgGuidOf(space), request.baseUrl))
            .toList();
    ObjectNode body =
        new ListQuery()
            .field("names", "name")
            .field("guids", "guid")
            .field("organization_guids", "relationships", "organization", "data", "guid")
            .respond(request, spaces);
    return IncludedOrganizations.add(body, request, view);
  }

  private ObjectNode space(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFSpace space = view.space(guid).orElseThrow(() -> CfError.resourceNotFound("Space"));
    return SpaceJson.of(space, view.orgGuidOf(space), request.baseUrl);
  }
}
