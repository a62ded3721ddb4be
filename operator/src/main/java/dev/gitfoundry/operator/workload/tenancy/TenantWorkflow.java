package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.operator.workload.InvalidSpecException;
import dev.gitfoundry.operator.workload.Reasons;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.function.Function;

/** Namespace, then role bindings in it: the children shared by CFOrg and CFSpace. */
final class TenantWorkflow<P extends HasMetadata> {
  private final Function<P, Tenant> tenant;
  private final Workflow<P> workflow;

  TenantWorkflow(Function<P, Tenant> tenant) {
    this.tenant = tenant;
    var namespace = new TenantNamespaceDependent<>(tenant);
    var roleBindings = new TenantRoleBindingsDependent<>(tenant);
    this.workflow =
        new WorkflowBuilder<P>()
            .addDependentResource(namespace)
            .addDependentResourceAndConfigure(roleBindings)
            .dependsOn(namespace)
            .build();
  }

  List<EventSource<?, P>> eventSources(EventSourceContext<P> context) {
    return EventSourceUtils.eventSourcesFromWorkflow(context, workflow);
  }

  void reconcile(P primary, Context<P> context) {
    validate(primary);
    workflow.reconcile(primary, context);
  }

  void cleanup(P primary, Context<P> context) {
    workflow.cleanup(primary, context);
  }

  private void validate(P primary) {
    Tenant t = tenant.apply(primary);
    if (t.namespace() == null || t.namespace().isBlank()) {
      throw new InvalidSpecException(Reasons.INVALID_SPEC, "spec.namespace is required");
    }
    if (t.namespace().equals(primary.getMetadata().getNamespace())) {
      // Deleting this resource deletes its Namespace, which would then hold the resource itself.
      throw new InvalidSpecException(
          Reasons.INVALID_SPEC,
          "spec.namespace must differ from the namespace this resource lives in ("
              + t.namespace()
              + ")");
    }
    CfRoles.validate(t.roles());
  }
}
