package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.Reasons;
import dev.gitfoundry.operator.workload.StagingConfig;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;

/**
 * Staging: a buildpack app's image is built by kpack (an Image per app) before its processes can
 * run; a docker app passes straight through.
 */
final class StagingStep {
  /** The inputs with the built image, or why the processes cannot run yet. */
  record Outcome(AppInputs inputs, Readiness notYet) {}

  private final KpackImageDependent kpackImage;
  private final Workflow<CFApp> workflow;

  StagingStep(boolean kpackInstalled, StagingConfig staging) {
    boolean builds = kpackInstalled && staging.configured();
    this.kpackImage = builds ? new KpackImageDependent() : null;
    this.workflow =
        builds
            ? new WorkflowBuilder<CFApp>().addDependentResource(kpackImage).build()
            : new WorkflowBuilder<CFApp>().build();
  }

  List<EventSource<?, CFApp>> eventSources(EventSourceContext<CFApp> context) {
    return EventSourceUtils.eventSourcesFromWorkflow(context, workflow);
  }

  Outcome stage(CFApp app, Context<CFApp> context, AppInputs inputs) {
    if (inputs.build() == null) {
      return new Outcome(inputs, null);
    }
    context.managedWorkflowAndDependentResourceContext().put(AppInputs.KEY, inputs);
    workflow.reconcile(app, context);
    var image = kpackImage.getSecondaryResource(app, context);
    var latest = image.flatMap(KpackImageDependent::latestImage);
    if (latest.isPresent()) {
      return new Outcome(inputs.withImage(latest.get()), null);
    }
    Readiness notYet =
        image
            .flatMap(KpackImageDependent::failure)
            .map(m -> Readiness.stalled(Reasons.STAGING_FAILED, "kpack build failed: " + m))
            .orElse(
                Readiness.waiting(
                    Reasons.STAGING, "kpack is building the app's image", Duration.ofSeconds(30)));
    return new Outcome(inputs.withImage(null), notYet);
  }
}
