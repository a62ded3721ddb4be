package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.compiler.repository.StableGuids;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code app.crash} events, read from the app's Pods as Cloud Controller records them from Diego:
 * each container that terminated (its last termination before a restart, or its current one) is one
 * crash with the instance index, exit status and reason. Kubernetes keeps the last termination of
 * each container, so these survive restarts of the operator but not of the Pod.
 */
final class CrashEvents {
  private CrashEvents() {}

  /**
   * @param podsOfProcess the Pods of one process of the app, in instance order
   */
  static List<ObjectNode> of(
      CFApp app,
      String spaceGuid,
      String orgGuid,
      BiFunction<String, String, List<Pod>> podsOfProcess) {
    String appGuid = CfGuids.of(app);
    List<ObjectNode> events = new ArrayList<>();
    for (ProcessSpec process : FoundationCache.processesOf(app)) {
      List<Pod> pods = podsOfProcess.apply(appGuid, process.getType());
      for (int position = 0; position < pods.size(); position++) {
        Pod pod = pods.get(position);
        int index = InstanceStates.indexOr(pod, position);
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
          continue;
        }
        for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
          ContainerStateTerminated last =
              container.getLastState() == null ? null : container.getLastState().getTerminated();
          ContainerStateTerminated now =
              container.getState() == null ? null : container.getState().getTerminated();
          for (ContainerStateTerminated terminated : new ContainerStateTerminated[] {last, now}) {
            if (terminated != null && terminated.getFinishedAt() != null) {
              events.add(
                  crash(app, process, index, pod, container, terminated, spaceGuid, orgGuid));
            }
          }
        }
      }
    }
    return events;
  }

  private static ObjectNode crash(
      CFApp app,
      ProcessSpec process,
      int index,
      Pod pod,
      ContainerStatus container,
      ContainerStateTerminated terminated,
      String spaceGuid,
      String orgGuid) {
    String appGuid = CfGuids.of(app);
    String appName = app.getSpec().getDisplayName();
    int exitStatus = terminated.getExitCode() == null ? -1 : terminated.getExitCode();
    ObjectNode event = CfJson.object();
    event.put(
        "guid",
        StableGuids.of(
            "crash", pod.getMetadata().getUid(), container.getName(), terminated.getFinishedAt()));
    String time = seconds(terminated.getFinishedAt());
    event.put("created_at", time);
    event.put("updated_at", time);
    event.put("type", AppAuditEvents.CRASH);
    event.putObject("actor").put("guid", appGuid).put("type", "app").put("name", appName);
    event.putObject("target").put("guid", appGuid).put("type", "app").put("name", appName);
    ObjectNode data = event.putObject("data");
    data.put("index", index);
    data.put("reason", "CRASHED");
    data.put("cell_id", pod.getSpec() == null ? null : pod.getSpec().getNodeName());
    data.put("instance", pod.getMetadata().getName());
    data.put("exit_description", description(process, container, terminated, exitStatus));
    data.put("exit_status", exitStatus);
    data.put("restarts", container.getRestartCount() == null ? 0 : container.getRestartCount());
    event.putObject("space").put("guid", spaceGuid);
    event.putObject("organization").put("guid", orgGuid);
    return event;
  }

  /** Kubernetes writes whole seconds already; anything finer is cut so that ordering holds. */
  private static String seconds(String timestamp) {
    try {
      return Instant.parse(timestamp).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }

  /** {@code APP/PROC/WEB: Exited with status 137 (OOMKilled)}, naming sidecars as such. */
  private static String description(
      ProcessSpec process,
      ContainerStatus container,
      ContainerStateTerminated terminated,
      int exitStatus) {
    String source = LogSources.sourceType(process.getType(), container.getName());
    String reason = terminated.getReason();
    String text = source + ": Exited with status " + exitStatus;
    if (reason != null && !reason.isBlank() && !"Error".equals(reason)) {
      text += " (" + reason + ")";
    }
    if (terminated.getMessage() != null && !terminated.getMessage().isBlank()) {
      text += ": " + terminated.getMessage().strip();
    }
    return text;
  }
}
