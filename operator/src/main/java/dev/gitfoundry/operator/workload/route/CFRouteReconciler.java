package dev.gitfoundry.operator.workload.route;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFRouteStatus;
import dev.gitfoundry.operator.cache.LeanStore;
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
import java.util.List;
import java.util.stream.Collectors;

/**
 * CFRoute → an Ingress or a Gateway API HTTPRoute to its destination apps' Services. A host and
 * path claimed by two routes is a conflict reported on both, and neither claimant is changed.
 */
public final class CFRouteReconciler implements Reconciler<CFRoute> {
  private final RouteAssessment assessment;
  private final Workflow<CFRoute> workflow;
  private final StatusPatch<CFRoute, CFRouteStatus> status;
  private final WorkloadEvents events;

  /**
   * Every route, as the informer that wakes claimants sees them: a conflict is judged from the same
   * cache whose event woke the reconcile. The controller's own cache is a second informer that may
   * not have seen that event yet (a route deleted there still in it, and the other claimant left in
   * conflict).
   */
  private InformerEventSource<CFRoute, CFRoute> claims;

  /**
   * @param gatewayApiInstalled whether the HTTPRoute CRD was served at startup
   */
  public CFRouteReconciler(OperatorConfig config, boolean gatewayApiInstalled, Clock clock) {
    this.assessment =
        new RouteAssessment(config.routingMode(), config.gatewayName(), gatewayApiInstalled);
    var builder = new WorkflowBuilder<CFRoute>();
    if (config.routingMode() == RoutingMode.INGRESS) {
      builder.addDependentResource(new IngressDependent(config.ingressClassName()));
    } else if (gatewayApiInstalled && config.gatewayName() != null) {
      builder.addDependentResource(new HttpRouteDependent(config.gatewayName()));
    }
    this.workflow = builder.build();
    this.status = new StatusPatch<>(CFRoute::new, clock);
    this.events = new WorkloadEvents(clock);
  }

  @Override
  public List<EventSource<?, CFRoute>> prepareEventSources(EventSourceContext<CFRoute> context) {
    // A route appearing or leaving changes whether the routes sharing its host and path conflict.
    var config =
        InformerEventSourceConfiguration.from(CFRoute.class, CFRoute.class)
            .withName("cfroute-claims")
            .withSecondaryToPrimaryMapper(
                (CFRoute changed) ->
                    claims
                        .list(r -> RouteUrls.claim(r).equals(RouteUrls.claim(changed)))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()));
    if (LeanStore.fitsOneInformer(
        context.getControllerConfiguration().getInformerConfig().getNamespaces())) {
      config.withItemStore(new LeanStore<>());
    }
    claims = new InformerEventSource<>(config.build(), context);
    List<EventSource<?, CFRoute>> all = new ArrayList<>();
    all.add(claims);
    all.addAll(EventSourceUtils.eventSourcesFromWorkflow(context, workflow));
    return all;
  }

  @Override
  public UpdateControl<CFRoute> reconcile(CFRoute route, Context<CFRoute> context) {
    Readiness readiness = assessment.blocked(route, claims);
    if (readiness == null) {
      workflow.reconcile(route, context);
      readiness = Readiness.ready(Reasons.ROUTED, assessment.routedMessage(route));
    }
    events.onChange(context.getClient(), route, readiness);
    return status.update(route, statusOf(route), readiness);
  }

  @Override
  public ErrorStatusUpdateControl<CFRoute> updateErrorStatus(
      CFRoute route, Context<CFRoute> context, Exception e) {
    return status.failed(route, statusOf(route), e);
  }

  private static CFRouteStatus statusOf(CFRoute route) {
    CFRouteStatus s = new CFRouteStatus();
    s.setUrl(RouteUrls.url(route));
    return s;
  }
}
