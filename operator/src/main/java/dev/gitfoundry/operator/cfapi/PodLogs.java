package dev.gitfoundry.operator.cfapi;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.BytesLimitTerminateTimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads container output through the Kubernetes Pod log API (what {@code kubectl logs} reads), with
 * the kubelet's timestamps, which become the envelopes' timestamps. Bounded per request: at most
 * {@value #MAX_BYTES} bytes per container.
 */
final class PodLogs implements ContainerLogs {
  private static final Logger LOG = LoggerFactory.getLogger(PodLogs.class);

  static final int MAX_BYTES = 1024 * 1024;

  private final KubernetesClient privileged;

  PodLogs(KubernetesClient privileged) {
    this.privileged = privileged;
  }

  @Override
  public List<Line> read(Pod pod, String container, Instant since, Integer tail) {
    BytesLimitTerminateTimeTailPrettyLoggable logs =
        privileged
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .inContainer(container)
            .usingTimestamps();
    TimeTailPrettyLoggable bounded = logs.limitBytes(MAX_BYTES);
    TailPrettyLoggable timed =
        since == null
            ? bounded
            : bounded.sinceTime(since.truncatedTo(ChronoUnit.SECONDS).toString());
    String text;
    try {
      text = tail == null ? timed.getLog() : timed.tailingLines(tail).getLog();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 401 || e.getCode() == 403) {
        throw e; // this operator's own access is missing (chart RBAC): an error to see
      }
      // A container that has not started, or whose node the API server cannot reach, has no
      // output to show now; the others still do.
      LOG.debug(
          "no log for {}/{} {}: {}",
          pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(),
          container,
          e.getMessage());
      return List.of();
    }
    return parse(text);
  }

  /** {@code <RFC 3339 timestamp> <line>} per line, as the kubelet writes them with timestamps. */
  static List<Line> parse(String text) {
    List<Line> lines = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return lines;
    }
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int space = line.indexOf(' ');
      String stamp = space < 0 ? line : line.substring(0, space);
      try {
        Instant timestamp = Instant.parse(stamp);
        lines.add(new Line(timestamp, space < 0 ? "" : line.substring(space + 1)));
      } catch (DateTimeParseException e) {
        // Output without a timestamp (cannot happen with timestamps=true) is not a log line.
      }
    }
    return lines;
  }
}
