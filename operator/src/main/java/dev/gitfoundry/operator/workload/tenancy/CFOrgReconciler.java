package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFOrgStatus;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.Reasons;
import dev.gitfoundry.operator.workload.StatusPatch;
import dev.gitfoundry.operator.workload.WorkloadEvents;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** CFOrg → its Namespace and role bindings; deleting the CFOrg deletes the Namespace. */
public final class CFOrgReconciler implements Reconciler<CFOrg>, Cleaner<CFOrg> {
  private final TenantWorkflow<CFOrg> workflow = new TenantWorkflow<>(CFOrgReconciler::tenant);
  private final StatusPatch<CFOrg, CFOrgStatus> status;
  private final WorkloadEvents events;

  public CFOrgReconciler(Clock clock) {
    this.status = new StatusPatch<>(CFOrg::new, clock);
    this.events = new WorkloadEvents(clock);
  }

  static Tenant tenant(CFOrg org) {
    return new Tenant(
        org.getSpec().getNamespace(),
        Map.of(Labels.ORG, org.getMetadata().getName()),
        org.getSpec().getRoles());
  }

  @Override
  public List<EventSource<?, CFOrg>> prepareEventSources(EventSourceContext<CFOrg> context) {
    return workflow.eventSources(context);
  }

  @Override
  public UpdateControl<CFOrg> reconcile(CFOrg org, Context<CFOrg> context) {
    workflow.reconcile(org, context);
    Readiness readiness =
        Readiness.ready(Reasons.READY, "namespace " + org.getSpec().getNamespace() + " ready");
    events.onChange(context.getClient(), org, readiness);
    return status.update(org, statusOf(org), readiness);
  }

  @Override
  public ErrorStatusUpdateControl<CFOrg> updateErrorStatus(
      CFOrg org, Context<CFOrg> context, Exception e) {
    return status.failed(org, statusOf(org), e);
  }

  @Override
  public DeleteControl cleanup(CFOrg org, Context<CFOrg> context) {
    workflow.cleanup(org, context);
    return DeleteControl.defaultDelete();
  }

  private static CFOrgStatus statusOf(CFOrg org) {
    CFOrgStatus s = new CFOrgStatus();
    s.setGuid(WorkloadLabels.guid(org));
    s.setNamespace(org.getSpec().getNamespace());
    return s;
  }
}
