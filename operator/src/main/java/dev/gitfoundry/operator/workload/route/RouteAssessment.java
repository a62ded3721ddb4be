package dev.gitfoundry.operator.workload.route;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.operator.config.RoutingMode;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.Reasons;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a route can be served with the routing this operator has (TCP, no destination, a host and
 * path another route claims, Gateway API missing), and what its Ready message says when it is.
 */
final class RouteAssessment {
  private final RoutingMode mode;
  private final String gateway;
  private final boolean gatewayApiInstalled;

  RouteAssessment(RoutingMode mode, String gateway, boolean gatewayApiInstalled) {
    this.mode = mode;
    this.gateway = gateway;
    this.gatewayApiInstalled = gatewayApiInstalled;
  }

  /** Why the route cannot be served, or null when it can. */
  Readiness blocked(CFRoute route, IndexedResourceCache<CFRoute> routes) {
    var spec = route.getSpec();
    String protocol = spec.getProtocol() == null ? "" : spec.getProtocol().toLowerCase(Locale.ROOT);
    if (protocol.equals("tcp") || spec.getPort() != null) {
      return Readiness.stalled(
          Reasons.TCP_ROUTING_UNSUPPORTED, "TCP routes are not supported yet; use an HTTP route");
    }
    if (spec.getDestinations() == null || spec.getDestinations().isEmpty()) {
      return Readiness.stalled(Reasons.NO_DESTINATIONS, "the route has no destination app");
    }
    List<String> others =
        routes
            .list(r -> RouteUrls.claim(r).equals(RouteUrls.claim(route)))
            .filter(r -> !ResourceID.fromResource(r).equals(ResourceID.fromResource(route)))
            .map(r -> "CFRoute " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
            .sorted(Comparator.naturalOrder())
            .toList();
    if (!others.isEmpty()) {
      return Readiness.stalled(
          Reasons.ROUTE_CONFLICT,
          RouteUrls.uri(route) + " is also claimed by " + String.join(", ", others));
    }
    if (mode == RoutingMode.GATEWAY && !gatewayApiInstalled) {
      return Readiness.stalled(
          Reasons.GATEWAY_API_UNAVAILABLE,
          "Gateway API CRDs (gateway.networking.k8s.io/v1 HTTPRoute) are not installed;"
              + " install them and restart the operator, or use ingress routing");
    }
    if (mode == RoutingMode.GATEWAY && gateway == null) {
      return Readiness.stalled(
          Reasons.GATEWAY_NOT_CONFIGURED, "no parent Gateway configured (namespace/name)");
    }
    return null;
  }

  String routedMessage(CFRoute route) {
    var destinations = route.getSpec().getDestinations();
    if (mode == RoutingMode.INGRESS && destinations.size() > 1) {
      return "routed to "
          + destinations.get(0).getAppName()
          + " only: an Ingress has one backend per path, so weights and the other "
          + (destinations.size() - 1)
          + " destination(s) are ignored; use gateway routing for weighted traffic";
    }
    return "routed to "
        + destinations.stream().map(d -> d.getAppName()).collect(Collectors.joining(", "));
  }
}
