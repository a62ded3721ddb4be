package dev.gitfoundry.operator.cfapi;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;

/** Where the output of an app's containers comes from. */
interface ContainerLogs {
  /** One line of output and when the container wrote it. */
  record Line(Instant timestamp, String text) {}

  /**
   * @param since only lines from this time on (whole seconds: the Pod log API's precision), or null
   *     for all
   * @param tail only the last lines, or null for all
   */
  List<Line> read(Pod pod, String container, Instant since, Integer tail);
}
