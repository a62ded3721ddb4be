package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppStatus;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.StagingConfig;
import dev.gitfoundry.operator.workload.StatusPatch;
import dev.gitfoundry.operator.workload.WorkloadEvents;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import dev.gitfoundry.operator.workload.route.RouteUrls;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
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

/**
 * CFApp → runtime Secret, one StatefulSet per process, a Service for the web process. Status: guid,
 * instances per process, URLs of the routes to it, and Ready once every process is available.
 */
public final class CFAppReconciler implements Reconciler<CFApp> {
  private final AppSources sources = new AppSources();
  private final AppInputsResolver resolver;
  private final StagingStep staging;
  private final Workflow<CFApp> workflow;
  private final StatusPatch<CFApp, CFAppStatus> status;
  private final WorkloadEvents events;
  private final LegacyDeployments legacyDeployments = new LegacyDeployments();

  /**
   * @param cfApi the CF API URL, for VCAP_APPLICATION
   * @param kpackInstalled whether kpack's {@code images.kpack.io} was served at startup
   * @param staging how kpack builds buildpack apps
   */
  public CFAppReconciler(String cfApi, boolean kpackInstalled, StagingConfig staging, Clock clock) {
    this.resolver = new AppInputsResolver(sources, cfApi, kpackInstalled, staging);
    this.staging = new StagingStep(kpackInstalled, staging);
    var runtimeSecret = new RuntimeSecretDependent();
    var statefulSets = new ProcessStatefulSetsDependent();
    var service = new WebServiceDependent();
    this.workflow =
        new WorkflowBuilder<CFApp>()
            .addDependentResource(runtimeSecret)
            .addDependentResourceAndConfigure(statefulSets)
            .dependsOn(runtimeSecret)
            .addDependentResourceAndConfigure(service)
            .withReconcilePrecondition((dependent, app, context) -> hasWebProcess((CFApp) app))
            .build();
    this.status = new StatusPatch<>(CFApp::new, clock);
    this.events = new WorkloadEvents(clock);
  }

  /** What {@link #reconcile} resolved for the dependents of this reconcile. */
  static AppInputs inputs(Context<CFApp> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(AppInputs.KEY, AppInputs.class);
  }

  @Override
  public List<EventSource<?, CFApp>> prepareEventSources(EventSourceContext<CFApp> context) {
    List<EventSource<?, CFApp>> all = new ArrayList<>(sources.create(context));
    all.addAll(staging.eventSources(context));
    all.addAll(EventSourceUtils.eventSourcesFromWorkflow(context, workflow));
    return all;
  }

  @Override
  public UpdateControl<CFApp> reconcile(CFApp app, Context<CFApp> context) {
    var resolution = resolver.resolve(app);
    Readiness readiness = resolution.blocked();
    AppInputs inputs = resolution.inputs();
    if (inputs != null) {
      StagingStep.Outcome staged = staging.stage(app, context, inputs);
      inputs = staged.inputs();
      readiness = staged.notYet() != null ? staged.notYet() : readiness;
    }
    AppHealth.Result health;
    if (readiness == null) {
      context.managedWorkflowAndDependentResourceContext().put(AppInputs.KEY, inputs);
      workflow.reconcile(app, context);
      health = health(app, context);
      readiness = health.readiness();
      legacyDeployments.retireIfReady(context.getClient(), app, readiness.isReady());
    } else {
      // Keep whatever already runs: a Secret that went missing must not take the app down.
      health = health(app, context);
    }
    events.onChange(context.getClient(), app, readiness);
    CFAppStatus next = statusOf(app, health);
    if (readiness.isReady()) {
      next.setRevision(app.getMetadata().getAnnotations().get(Labels.REVISION));
    }
    return status.update(app, next, readiness);
  }

  @Override
  public ErrorStatusUpdateControl<CFApp> updateErrorStatus(
      CFApp app, Context<CFApp> context, Exception e) {
    return status.failed(app, statusOf(app, null), e);
  }

  private AppHealth.Result health(CFApp app, Context<CFApp> context) {
    return AppHealth.assess(
        app,
        context.getSecondaryResources(StatefulSet.class),
        context.getSecondaryResources(Pod.class));
  }

  private CFAppStatus statusOf(CFApp app, AppHealth.Result health) {
    CFAppStatus s = new CFAppStatus();
    s.setGuid(WorkloadLabels.guid(app));
    if (health != null) {
      s.setProcesses(health.processes());
    } else if (app.getStatus() != null) {
      s.setProcesses(app.getStatus().getProcesses());
    }
    s.setUrls(sources.routesTo(app).stream().map(RouteUrls::url).toList());
    s.setRevision(app.getStatus() == null ? null : app.getStatus().getRevision());
    return s;
  }

  private static boolean hasWebProcess(CFApp app) {
    return ProcessStatefulSetsDependent.processes(app).stream()
        .anyMatch(p -> AppNames.WEB.equals(p.getType()));
  }
}
