package dev.gitfoundry.operator.cfapi;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The instances of one process as CF reports them, from its Pods: exactly one entry per desired
 * instance (the CLI counts entries for the "2/3" column), healthiest Pods first, {@code DOWN} for
 * instances that have no Pod.
 */
final class InstanceStates {
  enum State {
    RUNNING,
    STARTING,
    CRASHED,
    DOWN
  }

  /**
   * @param pod the Pod behind the instance, or null for an instance that has none
   */
  record Instance(int index, State state, long uptimeSeconds, Pod pod) {}

  private static final Set<String> CRASH_REASONS =
      Set.of("CrashLoopBackOff", "Error", "OOMKilled", "ImagePullBackOff", "ErrImagePull");

  private InstanceStates() {}

  static List<Instance> of(int desired, List<Pod> pods, Instant now) {
    List<Pod> live = ordered(pods);
    List<Instance> instances = new ArrayList<>();
    for (int index = 0; index < desired; index++) {
      if (index < live.size()) {
        Pod pod = live.get(index);
        State state = state(pod);
        instances.add(
            new Instance(index, state, state == State.RUNNING ? uptime(pod, now) : 0, pod));
      } else {
        instances.add(new Instance(index, State.DOWN, 0, null));
      }
    }
    return instances;
  }

  /**
   * A process's Pods in instance order (the position is the instance index everywhere: stats, logs,
   * crash events): Pods being deleted left out, healthiest and oldest first.
   */
  static List<Pod> ordered(List<Pod> pods) {
    return pods.stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .sorted(
            Comparator.comparing((Pod pod) -> state(pod).ordinal())
                .thenComparing(pod -> String.valueOf(pod.getMetadata().getCreationTimestamp()))
                .thenComparing(pod -> pod.getMetadata().getName()))
        .toList();
  }

  static State state(Pod pod) {
    if (pod.getStatus() == null) {
      return State.STARTING;
    }
    if (pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
        if (container.getState() != null
            && container.getState().getWaiting() != null
            && CRASH_REASONS.contains(container.getState().getWaiting().getReason())) {
          return State.CRASHED;
        }
      }
    }
    if ("Failed".equals(pod.getStatus().getPhase())) {
      return State.CRASHED;
    }
    if ("Running".equals(pod.getStatus().getPhase()) && ready(pod)) {
      return State.RUNNING;
    }
    return State.STARTING;
  }

  private static boolean ready(Pod pod) {
    List<PodCondition> conditions = pod.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static long uptime(Pod pod, Instant now) {
    String started = pod.getStatus().getStartTime();
    if (started == null) {
      started = pod.getMetadata().getCreationTimestamp();
    }
    if (started == null) {
      return 0;
    }
    try {
      return Math.max(0, Duration.between(Instant.parse(started), now).getSeconds());
    } catch (java.time.format.DateTimeParseException e) {
      return 0;
    }
  }
}
