package dev.gitfoundry.operator.workload.route;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFRouteStatus;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.config.RoutingMode;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.Reasons;
import dev.gitfoundry.operator.workload.StatusPatch;
import dev.gitfoundry.operator.workload.WorkloadEvents;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * CFRoute → an Ingress or a Gateway API HTTPRoute to its destination apps' Services. A host and
 * path claimed by two routes is a conflict reported on both, and neither claimant is changed.
 */
public final class CFRouteReconciler implements Reconciler<CFRoute> {
  private final RoutingMode mode;
  private final String gateway;
  private final boolean gatewayApiInstalled;
  private final Workflow<CFRoute> workflow;
  private final StatusPatch<CFRoute, CFRouteStatus> status;
  private final WorkloadEvents events;

  /**
   * @param gatewayApiInstalled whether the HTTPRoute CRD was served at startup
   */
  public CFRouteReconciler(OperatorConfig config, boolean gatewayApiInstalled, Clock clock) {
    this.mode = config.routingMode();
    this.gateway = config.gatewayName();
    this.gatewayApiInstalled = gatewayApiInstalled;
    var builder = new WorkflowBuilder<CFRoute>();
    if (mode == RoutingMode.INGRESS) {
      builder.addDependentResource(new IngressDependent(config.ingressClassName()));
    } else if (gatewayApiInstalled && gateway != null) {
      builder.addDependentResource(new HttpRouteDependent(gateway));
    }
    this.workflow = builder.build();
    this.status = new StatusPatch<>(CFRoute::new, clock);
    this.events = new WorkloadEvents(clock);
  }

  @Override
  public List<EventSource<?, CFRoute>> prepareEventSources(EventSourceContext<CFRoute> context) {
    var routes = context.getPrimaryCache();
    // A route appearing or leaving changes whether the routes sharing its host and path conflict.
    var claims =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(CFRoute.class, CFRoute.class)
                .withName("cfroute-claims")
                .withSecondaryToPrimaryMapper(
                    (CFRoute changed) ->
                        routes
                            .list(r -> RouteUrls.claim(r).equals(RouteUrls.claim(changed)))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    List<EventSource<?, CFRoute>> all = new ArrayList<>();
    all.add(claims);
    all.addAll(EventSourceUtils.eventSourcesFromWorkflow(context, workflow));
    return all;
  }

  @Override
  public UpdateControl<CFRoute> reconcile(CFRoute route, Context<CFRoute> context) {
    Readiness readiness = assess(route, context);
    if (readiness == null) {
      workflow.reconcile(route, context);
      readiness = Readiness.ready(Reasons.ROUTED, routedMessage(route));
    }
    events.onChange(context.getClient(), route, readiness);
    return status.update(route, statusOf(route), readiness);
  }

  @Override
  public ErrorStatusUpdateControl<CFRoute> updateErrorStatus(
      CFRoute route, Context<CFRoute> context, Exception e) {
    return status.failed(route, statusOf(route), e);
  }

  /** Why the route cannot be served, or null when it can. */
  private Readiness assess(CFRoute route, Context<CFRoute> context) {
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
        context
            .getPrimaryCache()
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

  private String routedMessage(CFRoute route) {
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

  private static CFRouteStatus statusOf(CFRoute route) {
    CFRouteStatus s = new CFRouteStatus();
    s.setUrl(RouteUrls.url(route));
    return s;
  }
}
