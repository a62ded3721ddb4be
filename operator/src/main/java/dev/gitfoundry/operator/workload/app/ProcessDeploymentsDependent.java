package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.Sidecar;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One Deployment per process type; a process type removed from the app loses its Deployment. */
final class ProcessDeploymentsDependent extends KubernetesDependentResource<Deployment, CFApp>
    implements CRUDKubernetesBulkDependentResource<Deployment, CFApp>, GarbageCollected<CFApp> {
  static final String CHECKSUM = Labels.PREFIX + "runtime-checksum";

  private final int progressDeadlineSeconds;

  ProcessDeploymentsDependent(Duration progressDeadline) {
    super(Deployment.class);
    this.progressDeadlineSeconds = (int) Math.max(1, progressDeadline.toSeconds());
  }

  @Override
  public Map<ResourceID, Deployment> desiredResources(CFApp app, Context<CFApp> context) {
    AppInputs inputs = CFAppReconciler.inputs(context);
    Map<ResourceID, Deployment> desired = new LinkedHashMap<>();
    for (ProcessSpec process : processes(app)) {
      Deployment deployment = deployment(app, process, inputs);
      desired.put(ResourceID.fromResource(deployment), deployment);
    }
    return desired;
  }

  @Override
  public Map<ResourceID, Deployment> getSecondaryResources(CFApp app, Context<CFApp> context) {
    return context
        .getSecondaryResourcesAsStream(Deployment.class)
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }

  /** Instances the process should run: none when the app is stopped. */
  static int desiredInstances(CFApp app, ProcessSpec process) {
    if (app.getSpec().getDesiredState() == DesiredState.STOPPED) {
      return 0;
    }
    if (process.getInstances() != null) {
      return process.getInstances();
    }
    return AppNames.WEB.equals(process.getType()) ? 1 : 0;
  }

  private Deployment deployment(CFApp app, ProcessSpec process, AppInputs inputs) {
    String runtimeSecret = AppNames.runtimeSecret(app);
    List<Container> containers = new ArrayList<>();
    containers.add(ProcessTemplate.app(process, inputs.image(), runtimeSecret));
    for (Sidecar sidecar : sidecarsOf(app, process.getType())) {
      containers.add(ProcessTemplate.sidecar(sidecar, inputs.image(), runtimeSecret));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.APP, app.getMetadata().getName());
    labels.put(Labels.APP_GUID, inputs.guid());
    labels.put(Labels.PROCESS_TYPE, process.getType());
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(AppNames.deployment(app, process.getType()))
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(desiredInstances(app, process))
        .withProgressDeadlineSeconds(progressDeadlineSeconds)
        .withNewSelector()
        .addToMatchLabels(Labels.APP_GUID, inputs.guid())
        .addToMatchLabels(Labels.PROCESS_TYPE, process.getType())
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .addToAnnotations(CHECKSUM, inputs.checksum())
        .endMetadata()
        .withNewSpec()
        .withContainers(containers)
        .withEnableServiceLinks(false)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static List<ProcessSpec> processes(CFApp app) {
    List<ProcessSpec> processes = app.getSpec().getProcesses();
    return processes == null ? List.of() : processes;
  }

  private static List<Sidecar> sidecarsOf(CFApp app, String processType) {
    List<Sidecar> sidecars = app.getSpec().getSidecars();
    if (sidecars == null) {
      return List.of();
    }
    return sidecars.stream()
        .filter(s -> s.getProcessTypes() != null && s.getProcessTypes().contains(processType))
        .toList();
  }
}
