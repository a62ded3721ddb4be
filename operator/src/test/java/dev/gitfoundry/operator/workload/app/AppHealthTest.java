package dev.gitfoundry.operator.workload.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.operator.workload.Readiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppHealthTest {
  @Test
  void readyWhenEveryProcessHasItsInstancesAvailable() {
    var result = AppHealth.assess(app(2), List.of(statefulSet("web-web", 2, 2)), List.of());

    assertThat(result.readiness().isReady()).isTrue();
    assertThat(result.readiness().reason()).isEqualTo("Running");
    assertThat(result.processes().get(0).getReadyInstances()).isEqualTo(2);
    assertThat(result.processes().get(0).getDesiredInstances()).isEqualTo(2);
  }

  @Test
  void notReadyWhileInstancesAreMissing() {
    var result = AppHealth.assess(app(2), List.of(statefulSet("web-web", 2, 1)), List.of());

    assertThat(result.readiness().kind()).isEqualTo(Readiness.Kind.WAITING);
    assertThat(result.readiness().reason()).isEqualTo("ProcessesNotReady");
    assertThat(result.readiness().message()).contains("web 1/2");
  }

  @Test
  void stoppedAppIsReadyWithZeroInstances() {
    CFApp app = app(3);
    app.getSpec().setDesiredState(DesiredState.STOPPED);

    var result = AppHealth.assess(app, List.of(statefulSet("web-web", 0, 0)), List.of());

    assertThat(result.readiness().reason()).isEqualTo("Stopped");
    assertThat(result.processes().get(0).getDesiredInstances()).isZero();
  }

  @Test
  void containerWaitingReasonsComeFromPods() {
    var crashing = pod("CrashLoopBackOff", "back-off 5m0s restarting failed container");
    var result = AppHealth.assess(app(1), List.of(statefulSet("web-web", 1, 0)), List.of(crashing));

    assertThat(result.readiness().reason()).isEqualTo("CrashLoopBackOff");
    assertThat(result.readiness().message()).contains("process web").contains("back-off");
    var pulling = pod("ImagePullBackOff", "Back-off pulling image");
    assertThat(
            AppHealth.assess(app(1), List.of(statefulSet("web-web", 1, 0)), List.of(pulling))
                .readiness()
                .reason())
        .isEqualTo("ImagePullBackOff");
  }

  @Test
  void notReadyUntilEveryPodRunsTheUpdateRevision() {
    StatefulSet rolling =
        new StatefulSetBuilder(statefulSet("web-web", 2, 2))
            .editStatus()
            .withCurrentRevision("web-web-1")
            .withUpdateRevision("web-web-2")
            .withUpdatedReplicas(1)
            .endStatus()
            .build();

    var result = AppHealth.assess(app(2), List.of(rolling), List.of());

    assertThat(result.readiness().kind()).isEqualTo(Readiness.Kind.WAITING);
    assertThat(result.processes().get(0).getReadyInstances()).isEqualTo(2);
  }

  @Test
  void notReadyBeforeTheControllerSawTheLatestSpec() {
    StatefulSet stale =
        new StatefulSetBuilder(statefulSet("web-web", 2, 2))
            .editMetadata()
            .withGeneration(3L)
            .endMetadata()
            .build();

    assertThat(AppHealth.assess(app(2), List.of(stale), List.of()).readiness().isReady()).isFalse();
  }

  @Test
  void unschedulablePodsAreReported() {
    Pod pending =
        new PodBuilder()
            .withNewMetadata()
            .addToLabels("gitfoundry.dev/process-type", "web")
            .endMetadata()
            .withNewStatus()
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage("0/1 nodes are available: 1 Insufficient memory.")
            .endCondition()
            .endStatus()
            .build();

    var result = AppHealth.assess(app(1), List.of(statefulSet("web-web", 1, 0)), List.of(pending));

    assertThat(result.readiness().reason()).isEqualTo("Unschedulable");
    assertThat(result.readiness().message()).contains("Insufficient memory");
  }

  @Test
  void missingStatefulSetIsNotReady() {
    var result = AppHealth.assess(app(1), List.of(), List.of());

    assertThat(result.readiness().isReady()).isFalse();
    assertThat(result.processes().get(0).getReadyInstances()).isZero();
  }

  private static CFApp app(int instances) {
    CFApp app = new CFApp();
    app.getMetadata().setName("web");
    app.getMetadata().setNamespace("ns");
    ProcessSpec web = new ProcessSpec();
    web.setType("web");
    web.setInstances(instances);
    app.getSpec().setProcesses(List.of(web));
    return app;
  }

  private static StatefulSet statefulSet(String name, int replicas, int available) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withGeneration(2L)
        .endMetadata()
        .withNewStatus()
        .withObservedGeneration(2L)
        .withCurrentRevision(name + "-1")
        .withUpdateRevision(name + "-1")
        .withReplicas(replicas)
        .withUpdatedReplicas(replicas)
        .withReadyReplicas(available)
        .withAvailableReplicas(available)
        .endStatus()
        .build();
  }

  private static Pod pod(String reason, String message) {
    return new PodBuilder()
        .withNewMetadata()
        .addToLabels("gitfoundry.dev/process-type", "web")
        .endMetadata()
        .withNewStatus()
        .addNewContainerStatus()
        .withName("app")
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }
}
