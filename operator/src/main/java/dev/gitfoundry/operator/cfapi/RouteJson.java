package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFRouteSpec;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import java.util.function.Function;

/**
 * A CFRoute as a V3 route. Destinations name apps of the same space; a destination whose app does
 * not exist is left out, because {@code cf routes} fails when an app it asks for is missing.
 */
final class RouteJson {
  private RouteJson() {}

  static ObjectNode of(
      CFRoute route, String spaceGuid, Function<String, String> appGuidByName, String baseUrl) {
    CFRouteSpec spec = route.getSpec();
    String guid = CfGuids.route(route.getMetadata().getNamespace(), route.getMetadata().getName());
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    CfJson.timestamps(json, route);
    json.put("protocol", spec.getPort() != null ? "tcp" : "http");
    json.put("host", spec.getHost() == null ? "" : spec.getHost());
    json.put("path", spec.getPath() == null ? "" : spec.getPath());
    if (spec.getPort() == null) {
      json.putNull("port");
    } else {
      json.put("port", spec.getPort());
    }
    json.put("url", url(spec));
    ArrayNode destinations = json.putArray("destinations");
    if (spec.getDestinations() != null) {
      int index = 0;
      for (RouteDestination destination : spec.getDestinations()) {
        String appGuid = appGuidByName.apply(destination.getAppName());
        if (appGuid != null) {
          destinations.add(destination(guid, index, appGuid, destination));
        }
        index++;
      }
    }
    json.putObject("options");
    ObjectNode relationships = json.putObject("relationships");
    relationships.set("space", CfJson.toOne(spaceGuid));
    relationships.set("domain", CfJson.toOne(CfGuids.domain(spec.getDomain())));
    json.set("metadata", CfJson.metadata(null, null));
    ObjectNode links = json.putObject("links");
    String self = baseUrl + "/v3/routes/" + guid;
    links.set("self", CfJson.link(self));
    links.set("space", CfJson.link(baseUrl + "/v3/spaces/" + spaceGuid));
    links.set("domain", CfJson.link(baseUrl + "/v3/domains/" + CfGuids.domain(spec.getDomain())));
    links.set("destinations", CfJson.link(self + "/destinations"));
    return json;
  }

  /** {@code host.domain[:port]/path}, or {@code domain/path} for a route without host. */
  static String url(CFRouteSpec spec) {
    StringBuilder url = new StringBuilder();
    if (spec.getHost() != null && !spec.getHost().isEmpty()) {
      url.append(spec.getHost()).append('.');
    }
    url.append(spec.getDomain());
    if (spec.getPort() != null) {
      url.append(':').append(spec.getPort());
    }
    if (spec.getPath() != null) {
      url.append(spec.getPath());
    }
    return url.toString();
  }

  private static ObjectNode destination(
      String routeGuid, int index, String appGuid, RouteDestination destination) {
    ObjectNode json = CfJson.object();
    json.put("guid", CfGuids.process(routeGuid, "destination-" + index));
    ObjectNode app = json.putObject("app");
    app.put("guid", appGuid);
    app.putObject("process")
        .put("type", destination.getProcessType() == null ? "web" : destination.getProcessType());
    json.put("port", destination.getPort() == null ? 8080 : destination.getPort());
    json.put("protocol", destination.getProtocol() == null ? "http1" : destination.getProtocol());
    if (destination.getWeight() == null) {
      json.putNull("weight");
    } else {
      json.put("weight", destination.getWeight());
    }
    return json;
  }
}
