package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.ProcessStatus;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.Reasons;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an app's StatefulSets and Pods into per-process instances and one Ready verdict. A rollout
 * that never finishes has no deadline of its own here (StatefulSets have none): the GitSource's
 * progress deadline reports it, with the Pods' problem when there is one.
 */
final class AppHealth {
  private static final Duration RECHECK = Duration.ofSeconds(60);
  private static final Set<String> STUCK_CONTAINER_REASONS =
      Set.of(
          Reasons.IMAGE_PULL_BACK_OFF,
          Reasons.ERR_IMAGE_PULL,
          Reasons.CRASH_LOOP_BACK_OFF,
          "CreateContainerConfigError",
          "InvalidImageName");

  record Result(List<ProcessStatus> processes, Readiness readiness) {}

  private AppHealth() {}

  static Result assess(CFApp app, Collection<StatefulSet> statefulSets, Collection<Pod> pods) {
    Map<String, StatefulSet> byName =
        statefulSets.stream()
            .collect(
                Collectors.toMap(d -> d.getMetadata().getName(), Function.identity(), (a, b) -> a));
    List<ProcessStatus> processes = new ArrayList<>();
    List<String> notReady = new ArrayList<>();
    Readiness problem = null;
    for (ProcessSpec process : ProcessStatefulSetsDependent.processes(app)) {
      int desired = ProcessStatefulSetsDependent.desiredInstances(app, process);
      StatefulSet statefulSet = byName.get(AppNames.workload(app, process.getType()));
      int ready =
          statefulSet == null || statefulSet.getStatus() == null
              ? 0
              : count(statefulSet.getStatus().getReadyReplicas());
      processes.add(processStatus(process.getType(), desired, ready));
      if (!rolledOut(statefulSet, desired)) {
        notReady.add(process.getType() + " " + ready + "/" + desired);
        if (problem == null) {
          problem =
              podProblem(process.getType(), pods)
                  .or(() -> schedulingProblem(process.getType(), pods))
                  .orElse(null);
        }
      }
    }
    if (notReady.isEmpty()) {
      boolean stopped = app.getSpec().getDesiredState() == DesiredState.STOPPED;
      String summary =
          processes.stream()
              .map(p -> p.getType() + " " + p.getReadyInstances() + "/" + p.getDesiredInstances())
              .collect(Collectors.joining(", "));
      return new Result(
          processes,
          Readiness.ready(
              stopped ? Reasons.STOPPED : Reasons.RUNNING,
              stopped ? "app is stopped" : "running: " + summary));
    }
    if (problem != null) {
      return new Result(processes, problem);
    }
    return new Result(
        processes,
        Readiness.waiting(
            Reasons.PROCESSES_NOT_READY,
            "instances not ready: " + String.join(", ", notReady),
            RECHECK));
  }

  /**
   * Every desired instance runs the current template and is available: the controller saw the
   * latest spec, has exactly the desired Pods, all of the update revision, all available.
   */
  private static boolean rolledOut(StatefulSet statefulSet, int desired) {
    if (statefulSet == null || statefulSet.getStatus() == null) {
      return false;
    }
    var status = statefulSet.getStatus();
    Long generation = statefulSet.getMetadata().getGeneration();
    boolean observed =
        status.getObservedGeneration() != null
            && generation != null
            && status.getObservedGeneration() >= generation;
    boolean onUpdateRevision =
        desired == 0 || Objects.equals(status.getCurrentRevision(), status.getUpdateRevision());
    return observed
        && onUpdateRevision
        && count(status.getReplicas()) == desired
        && count(status.getUpdatedReplicas()) == desired
        && count(status.getReadyReplicas()) == desired
        && count(status.getAvailableReplicas()) == desired;
  }

  private static Optional<Readiness> podProblem(String processType, Collection<Pod> pods) {
    return pods.stream()
        .filter(p -> processType.equals(label(p, Labels.PROCESS_TYPE)))
        .flatMap(AppHealth::containerStatuses)
        .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
        .filter(c -> STUCK_CONTAINER_REASONS.contains(c.getState().getWaiting().getReason()))
        .findFirst()
        .map(
            c -> {
              var waiting = c.getState().getWaiting();
              String message =
                  "process "
                      + processType
                      + ", container "
                      + c.getName()
                      + ": "
                      + waiting.getReason()
                      + (waiting.getMessage() == null ? "" : " (" + waiting.getMessage() + ")");
              return Readiness.stalled(waiting.getReason(), message);
            });
  }

  /** Pods the scheduler cannot place: waiting, as capacity may be added. */
  private static Optional<Readiness> schedulingProblem(String processType, Collection<Pod> pods) {
    return pods.stream()
        .filter(p -> processType.equals(label(p, Labels.PROCESS_TYPE)))
        .filter(p -> p.getStatus() != null && p.getStatus().getConditions() != null)
        .flatMap(p -> p.getStatus().getConditions().stream())
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
        .filter(c -> Reasons.UNSCHEDULABLE.equals(c.getReason()))
        .findFirst()
        .map(
            c ->
                Readiness.waiting(
                    Reasons.UNSCHEDULABLE,
                    "process " + processType + " cannot be scheduled: " + c.getMessage(),
                    RECHECK));
  }

  private static Stream<ContainerStatus> containerStatuses(Pod pod) {
    if (pod.getStatus() == null) {
      return Stream.empty();
    }
    return Stream.concat(
            Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).stream()
                .flatMap(List::stream),
            Optional.ofNullable(pod.getStatus().getContainerStatuses()).stream()
                .flatMap(List::stream))
        .filter(Objects::nonNull);
  }

  private static ProcessStatus processStatus(String type, int desired, int ready) {
    ProcessStatus status = new ProcessStatus();
    status.setType(type);
    status.setDesiredInstances(desired);
    status.setReadyInstances(ready);
    return status;
  }

  private static String label(Pod pod, String key) {
    var labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }
}
