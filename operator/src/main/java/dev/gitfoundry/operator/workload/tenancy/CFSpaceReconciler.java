package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.CFSpaceStatus;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.Reasons;
import dev.gitfoundry.operator.workload.StatusPatch;
import dev.gitfoundry.operator.workload.WorkloadEvents;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CFSpace → its Namespace (where its apps run) and role bindings, then in that Namespace the
 * ResourceQuota and LimitRange of its quotas and the NetworkPolicies of its security groups;
 * deletion deletes the Namespace and so all of them.
 */
public final class CFSpaceReconciler implements Reconciler<CFSpace>, Cleaner<CFSpace> {
  private final TenantWorkflow<CFSpace> workflow = new TenantWorkflow<>(CFSpaceReconciler::tenant);
  private final Workflow<CFSpace> limits =
      new WorkflowBuilder<CFSpace>()
          .addDependentResource(
              new SpaceObjectsDependent<>(
                  ResourceQuota.class, SpaceLimits.COMPONENT_QUOTA, SpaceLimits::resourceQuota))
          .addDependentResource(
              new SpaceObjectsDependent<>(
                  LimitRange.class, SpaceLimits.COMPONENT_LIMITS, SpaceLimits::limitRange))
          .addDependentResource(
              new SpaceObjectsDependent<>(
                  NetworkPolicy.class, SpaceEgress.COMPONENT, SpaceEgress::policies))
          .build();
  private final StatusPatch<CFSpace, CFSpaceStatus> status;
  private final WorkloadEvents events;

  public CFSpaceReconciler(Clock clock) {
    this.status = new StatusPatch<>(CFSpace::new, clock);
    this.events = new WorkloadEvents(clock);
  }

  static Tenant tenant(CFSpace space) {
    return new Tenant(
        space.getSpec().getNamespace(),
        Map.of(
            Labels.ORG, space.getSpec().getOrgName(), Labels.SPACE, space.getMetadata().getName()),
        space.getSpec().getRoles());
  }

  @Override
  public List<EventSource<?, CFSpace>> prepareEventSources(EventSourceContext<CFSpace> context) {
    List<EventSource<?, CFSpace>> sources = new ArrayList<>(workflow.eventSources(context));
    sources.addAll(EventSourceUtils.eventSourcesFromWorkflow(context, limits));
    return sources;
  }

  @Override
  public UpdateControl<CFSpace> reconcile(CFSpace space, Context<CFSpace> context) {
    workflow.reconcile(space, context);
    limits.reconcile(space, context);
    Readiness readiness =
        Readiness.ready(Reasons.READY, "namespace " + space.getSpec().getNamespace() + " ready");
    events.onChange(context.getClient(), space, readiness);
    return status.update(space, statusOf(space), readiness);
  }

  @Override
  public ErrorStatusUpdateControl<CFSpace> updateErrorStatus(
      CFSpace space, Context<CFSpace> context, Exception e) {
    return status.failed(space, statusOf(space), e);
  }

  @Override
  public DeleteControl cleanup(CFSpace space, Context<CFSpace> context) {
    workflow.cleanup(space, context);
    return DeleteControl.defaultDelete();
  }

  private static CFSpaceStatus statusOf(CFSpace space) {
    CFSpaceStatus s = new CFSpaceStatus();
    s.setGuid(WorkloadLabels.guid(space));
    s.setNamespace(space.getSpec().getNamespace());
    return s;
  }
}
