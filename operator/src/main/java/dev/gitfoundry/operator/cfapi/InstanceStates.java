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
 * instance (the CLI counts entries for the "2/3" column), {@code DOWN} for instances that have no
 * Pod. An instance's index is its Pod's StatefulSet index ({@code apps.kubernetes.io/pod-index}),
 * the same number the app reads as {@code CF_INSTANCE_INDEX}; Pods without one (Deployments of an
 * older version) fill the free indexes, healthiest first.
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

  static final String POD_INDEX = "apps.kubernetes.io/pod-index";

  private static final Set<String> CRASH_REASONS =
      Set.of("CrashLoopBackOff", "Error", "OOMKilled", "ImagePullBackOff", "ErrImagePull");

  private InstanceStates() {}

  static List<Instance> of(int desired, List<Pod> pods, Instant now) {
    Pod[] byIndex = new Pod[Math.max(0, desired)];
    List<Pod> unindexed = new ArrayList<>();
    for (Pod pod : ordered(pods)) {
      Integer index = index(pod);
      if (index == null) {
        unindexed.add(pod);
      } else if (index < byIndex.length && byIndex[index] == null) {
        byIndex[index] = pod;
      }
    }
    List<Instance> instances = new ArrayList<>();
    for (int index = 0; index < byIndex.length; index++) {
      Pod pod = byIndex[index] != null ? byIndex[index] : take(unindexed);
      if (pod == null) {
        instances.add(new Instance(index, State.DOWN, 0, null));
      } else {
        State state = state(pod);
        instances.add(
            new Instance(index, state, state == State.RUNNING ? uptime(pod, now) : 0, pod));
      }
    }
    return instances;
  }

  /** The StatefulSet index of a Pod, or null for a Pod without one. */
  static Integer index(Pod pod) {
    var labels = pod.getMetadata().getLabels();
    String value = labels == null ? null : labels.get(POD_INDEX);
    if (value == null) {
      return null;
    }
    try {
      int index = Integer.parseInt(value);
      return index >= 0 ? index : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The Pod's StatefulSet index; {@code position} in {@link #ordered} order if it has none. */
  static int indexOr(Pod pod, int position) {
    Integer index = index(pod);
    return index == null ? position : index;
  }

  private static Pod take(List<Pod> pods) {
    return pods.isEmpty() ? null : pods.remove(0);
  }

  /**
   * A process's Pods in instance order: by their StatefulSet index, Pods being deleted left out;
   * Pods without an index (none under a StatefulSet) after them, healthiest and oldest first.
   */
  static List<Pod> ordered(List<Pod> pods) {
    return pods.stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .sorted(
            Comparator.comparing((Pod pod) -> index(pod) == null ? Integer.MAX_VALUE : index(pod))
                .thenComparing(pod -> state(pod).ordinal())
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
