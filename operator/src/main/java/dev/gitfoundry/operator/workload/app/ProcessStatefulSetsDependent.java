package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.Sidecar;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One StatefulSet per process type, so that every instance has a stable index ({@code
 * CF_INSTANCE_INDEX}, the Pod's {@code apps.kubernetes.io/pod-index} label; see
 * docs/adr/0003-statefulsets-for-instance-indexes.md). Pods start and stop in parallel, as CF's
 * instances do, and roll one at a time. A process type removed from the app loses its StatefulSet.
 */
final class ProcessStatefulSetsDependent extends KubernetesDependentResource<StatefulSet, CFApp>
    implements CRUDKubernetesBulkDependentResource<StatefulSet, CFApp>, GarbageCollected<CFApp> {
  static final String CHECKSUM = Labels.PREFIX + "runtime-checksum";

  ProcessStatefulSetsDependent() {
    super(StatefulSet.class);
  }

  @Override
  public Map<ResourceID, StatefulSet> desiredResources(CFApp app, Context<CFApp> context) {
    AppInputs inputs = CFAppReconciler.inputs(context);
    Map<ResourceID, StatefulSet> desired = new LinkedHashMap<>();
    for (ProcessSpec process : processes(app)) {
      StatefulSet statefulSet = statefulSet(app, process, inputs);
      desired.put(ResourceID.fromResource(statefulSet), statefulSet);
    }
    return desired;
  }

  @Override
  public Map<ResourceID, StatefulSet> getSecondaryResources(CFApp app, Context<CFApp> context) {
    return context
        .getSecondaryResourcesAsStream(StatefulSet.class)
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

  private static StatefulSet statefulSet(CFApp app, ProcessSpec process, AppInputs inputs) {
    String runtimeSecret = AppNames.runtimeSecret(app);
    List<BindingFiles.Binding> bindings = inputs.bindings();
    List<Container> containers = new ArrayList<>();
    containers.add(ProcessTemplate.app(process, inputs.image(), runtimeSecret, bindings));
    for (Sidecar sidecar : sidecarsOf(app, process.getType())) {
      containers.add(
          ProcessTemplate.sidecar(
              sidecar, process.getType(), inputs.image(), runtimeSecret, bindings));
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CHECKSUM, inputs.checksum());
    annotations.putAll(BindingFiles.annotations(bindings));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.APP, app.getMetadata().getName());
    labels.put(Labels.APP_GUID, inputs.guid());
    labels.put(Labels.PROCESS_TYPE, process.getType());
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    String name = AppNames.workload(app, process.getType());
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(desiredInstances(app, process))
        .withServiceName(name)
        .withPodManagementPolicy("Parallel")
        .withNewUpdateStrategy()
        .withType("RollingUpdate")
        .endUpdateStrategy()
        .withNewSelector()
        .addToMatchLabels(Labels.APP_GUID, inputs.guid())
        .addToMatchLabels(Labels.PROCESS_TYPE, process.getType())
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withContainers(containers)
        .withVolumes(BindingFiles.volumes(bindings))
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
