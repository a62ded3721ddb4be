package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceStatesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  private static Pod running(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp("2026-01-01T00:00:00Z")
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .withStartTime("2026-01-01T00:00:00Z")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod crashing(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp("2026-01-01T00:05:00Z")
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .addNewContainerStatus()
        .withName("app")
        .withNewState()
        .withNewWaiting()
        .withReason("CrashLoopBackOff")
        .endWaiting()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  @Test
  void oneEntryPerDesiredInstanceWithDownForMissingPods() {
    List<InstanceStates.Instance> instances =
        InstanceStates.of(3, List.of(crashing("b"), running("a")), NOW);
    assertThat(instances)
        .extracting(InstanceStates.Instance::state)
        .containsExactly(
            InstanceStates.State.RUNNING, InstanceStates.State.CRASHED, InstanceStates.State.DOWN);
    assertThat(instances.get(0).uptimeSeconds()).isEqualTo(600);
    assertThat(instances.get(1).uptimeSeconds()).isZero();
  }

  private static Pod indexed(Pod pod, int index) {
    pod.getMetadata().setLabels(java.util.Map.of("apps.kubernetes.io/pod-index", "" + index));
    return pod;
  }

  @Test
  void theIndexIsTheStatefulSetPodIndexTheAppReads() {
    List<InstanceStates.Instance> instances =
        InstanceStates.of(
            3, List.of(indexed(running("web-2"), 2), indexed(crashing("web-0"), 0)), NOW);
    assertThat(instances)
        .extracting(InstanceStates.Instance::index, InstanceStates.Instance::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, InstanceStates.State.CRASHED),
            org.assertj.core.groups.Tuple.tuple(1, InstanceStates.State.DOWN),
            org.assertj.core.groups.Tuple.tuple(2, InstanceStates.State.RUNNING));
  }

  @Test
  void podsPastTheDesiredCountAndUnindexedPodsFillOnlyFreeIndexes() {
    List<InstanceStates.Instance> instances =
        InstanceStates.of(
            2,
            List.of(indexed(running("web-3"), 3), running("old"), indexed(running("web-1"), 1)),
            NOW);
    assertThat(instances)
        .extracting(InstanceStates.Instance::state)
        .containsExactly(InstanceStates.State.RUNNING, InstanceStates.State.RUNNING);
    assertThat(InstanceStates.of(1, List.of(indexed(running("web-5"), 5)), NOW))
        .extracting(InstanceStates.Instance::state)
        .containsExactly(InstanceStates.State.DOWN);
  }

  @Test
  void extraPodsDuringARolloutDoNotAddInstances() {
    assertThat(InstanceStates.of(1, List.of(running("a"), running("b")), NOW)).hasSize(1);
  }

  @Test
  void aPendingPodIsStarting() {
    Pod pending =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .endMetadata()
            .withNewStatus()
            .withPhase("Pending")
            .endStatus()
            .build();
    assertThat(InstanceStates.state(pending)).isEqualTo(InstanceStates.State.STARTING);
  }
}
