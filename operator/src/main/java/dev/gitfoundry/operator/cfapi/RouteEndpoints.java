package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Routes and domains: {@code cf routes}, {@code cf domains}, the routes column of {@code cf apps}.
 */
final class RouteEndpoints {
  private final Function<CfRequest, CallerView> views;
  private final String defaultDomain;

  RouteEndpoints(Function<CfRequest, CallerView> views, String defaultDomain) {
    this.views = views;
    this.defaultDomain = defaultDomain;
  }

  void register(Router router) {
    router.get("/v3/routes", (request, p) -> listRoutes(request));
    router.get("/v3/routes/:guid", (request, p) -> route(request, p.get("guid")));
    router.get(
        "/v3/routes/:guid/destinations", (request, p) -> destinations(request, p.get("guid")));
    router.get("/v3/apps/:guid/routes", (request, p) -> appRoutes(request, p.get("guid")));
    router.get("/v3/domains", (request, p) -> listDomains(request));
    router.get("/v3/domains/:guid", (request, p) -> domain(request, p.get("guid")));
    router.get(
        "/v3/organizations/:guid/domains", (request, p) -> orgDomains(request, p.get("guid")));
    router.get(
        "/v3/organizations/:guid/domains/default",
        (request, p) -> DomainJson.of(domainNames(request).first(), request.baseUrl));
  }

  private ObjectNode listRoutes(CfRequest request) {
    CallerView view = views.apply(request);
    List<CFSpace> spaces =
        view.spaces(request.list("space_guids"), request.list("organization_guids"));
    return routeQuery().respond(request, routesJson(view, view.routesIn(spaces), request));
  }

  private ObjectNode route(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFRoute route = view.route(guid).orElseThrow(() -> CfError.resourceNotFound("Route"));
    return routesJson(view, List.of(route), request).get(0);
  }

  private ObjectNode destinations(CfRequest request, String guid) {
    ObjectNode route = route(request, guid);
    ObjectNode body = CfJson.object();
    body.set("destinations", route.get("destinations"));
    ObjectNode links = body.putObject("links");
    links.set("self", CfJson.link(request.baseUrl + "/v3/routes/" + guid + "/destinations"));
    links.set("route", CfJson.link(request.baseUrl + "/v3/routes/" + guid));
    return body;
  }

  private ObjectNode appRoutes(CfRequest request, String appGuid) {
    CallerView view = views.apply(request);
    CFApp app = view.app(appGuid).orElseThrow(() -> CfError.exactlyNotFound("App not found"));
    List<CFRoute> routes = view.foundation().routesIn(app.getMetadata().getNamespace());
    List<ObjectNode> json =
        routesJson(view, routes, request).stream()
            .filter(route -> appGuidsOf(route).anyMatch(appGuid::equals))
            .toList();
    return routeQuery().respond(request, json);
  }

  private static ListQuery routeQuery() {
    return new ListQuery()
        .field("guids", "guid")
        .field("hosts", "host")
        .field("paths", "path")
        .field("space_guids", "relationships", "space", "data", "guid")
        .field("domain_guids", "relationships", "domain", "data", "guid")
        .filter("app_guids", RouteEndpoints::appGuidsOf);
  }

  private static Stream<String> appGuidsOf(JsonNode route) {
    return Stream.iterate(0, i -> i < route.path("destinations").size(), i -> i + 1)
        .map(i -> route.path("destinations").get(i).path("app").path("guid").asText());
  }

  private static List<ObjectNode> routesJson(
      CallerView view, List<CFRoute> routes, CfRequest request) {
    return routes.stream()
        .map(
            route -> {
              String namespace = route.getMetadata().getNamespace();
              return RouteJson.of(
                  route,
                  view.spaceGuidOf(namespace),
                  appName -> view.appGuidNamed(namespace, appName),
                  request.baseUrl);
            })
        .toList();
  }

  private ObjectNode listDomains(CfRequest request) {
    return domainQuery().respond(request, domainsJson(request));
  }

  private ObjectNode orgDomains(CfRequest request, String orgGuid) {
    views.apply(request).org(orgGuid).orElseThrow(() -> CfError.resourceNotFound("Organization"));
    return domainQuery().respond(request, domainsJson(request));
  }

  private ObjectNode domain(CfRequest request, String guid) {
    return domainsJson(request).stream()
        .filter(domain -> guid.equals(domain.get("guid").asText()))
        .findFirst()
        .orElseThrow(() -> CfError.resourceNotFound("Domain"));
  }

  private static ListQuery domainQuery() {
    return new ListQuery().field("names", "name").field("guids", "guid");
  }

  private List<ObjectNode> domainsJson(CfRequest request) {
    return domainNames(request).stream().map(name -> DomainJson.of(name, request.baseUrl)).toList();
  }

  /** The configured default domain and every domain a route uses. */
  private TreeSet<String> domainNames(CfRequest request) {
    TreeSet<String> names = new TreeSet<>();
    if (defaultDomain != null) {
      names.add(defaultDomain);
    }
    for (CFRoute route : views.apply(request).foundation().routes()) {
      if (route.getSpec().getDomain() != null) {
        names.add(route.getSpec().getDomain());
      }
    }
    return names;
  }
}
