package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One log-cache read ({@code GET /api/v1/read/<app-guid>}) answered from the Pods' output, as
 * go-log-cache and the cf CLI expect it: LOG envelopes with nanosecond timestamps from {@code
 * start_time} (inclusive) to {@code end_time} (exclusive), ascending or newest first, at most
 * {@code limit}, never one from the future. Every line reads as stdout: the Pod log API merges the
 * two streams.
 */
final class LogCacheReads {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** What the query asks for. {@code start} and {@code end} are in nanoseconds since the epoch. */
  record Query(long start, long end, int limit, boolean descending, boolean logs) {}

  private record Envelope(long timestamp, int instance, String sourceType, String text) {}

  private final ContainerLogs logs;

  LogCacheReads(ContainerLogs logs) {
    this.logs = logs;
  }

  static Query query(CfRequest request, Instant now) {
    long nowNanos = nanos(now);
    long start = longParameter(request, "start_time", 0);
    long end = Math.min(longParameter(request, "end_time", nowNanos), nowNanos);
    int limit =
        (int) Math.max(1, Math.min(MAX_LIMIT, longParameter(request, "limit", DEFAULT_LIMIT)));
    boolean descending = "true".equalsIgnoreCase(request.query.get("descending"));
    List<String> types = request.list("envelope_types");
    boolean logs =
        types == null
            || types.stream().anyMatch(t -> t.equalsIgnoreCase("LOG") || t.equalsIgnoreCase("ANY"));
    return new Query(start, end, limit, descending, logs);
  }

  /**
   * @param podsOfProcess the Pods of one process of the app, in instance order
   */
  ObjectNode read(CFApp app, BiFunction<String, String, List<Pod>> podsOfProcess, Query query) {
    List<Envelope> envelopes = new ArrayList<>();
    if (query.logs()) {
      Instant since = query.start() > 0 ? Instant.ofEpochSecond(0, query.start()) : null;
      Integer tail = query.descending() ? query.limit() : null;
      String appGuid = CfGuids.of(app);
      for (ProcessSpec process : FoundationCache.processesOf(app)) {
        List<Pod> pods = podsOfProcess.apply(appGuid, process.getType());
        for (int position = 0; position < pods.size(); position++) {
          Pod pod = pods.get(position);
          int index = InstanceStates.indexOr(pod, position);
          for (String container : containers(pod)) {
            String sourceType = LogSources.sourceType(process.getType(), container);
            for (ContainerLogs.Line line : logs.read(pod, container, since, tail)) {
              long timestamp = nanos(line.timestamp());
              if (timestamp >= query.start() && timestamp < query.end()) {
                envelopes.add(new Envelope(timestamp, index, sourceType, line.text()));
              }
            }
          }
        }
      }
    }
    Comparator<Envelope> order = Comparator.comparingLong(Envelope::timestamp);
    envelopes.sort(query.descending() ? order.reversed() : order);
    return batch(CfGuids.of(app), envelopes.subList(0, Math.min(query.limit(), envelopes.size())));
  }

  private static List<String> containers(Pod pod) {
    List<String> names = new ArrayList<>();
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      for (Container container : pod.getSpec().getContainers()) {
        names.add(container.getName());
      }
    }
    return names;
  }

  /** The protojson of a log-cache ReadResponse; unknown fields would make the CLI fail. */
  private static ObjectNode batch(String sourceId, List<Envelope> envelopes) {
    ObjectNode body = CfJson.object();
    ArrayNode batch = body.putObject("envelopes").putArray("batch");
    for (Envelope envelope : envelopes) {
      ObjectNode json = batch.addObject();
      json.put("timestamp", Long.toString(envelope.timestamp()));
      json.put("source_id", sourceId);
      json.put("instance_id", Integer.toString(envelope.instance()));
      json.putObject("tags").put("source_type", envelope.sourceType());
      json.putObject("log")
          .put(
              "payload",
              Base64.getEncoder().encodeToString(envelope.text().getBytes(StandardCharsets.UTF_8)))
          .put("type", "OUT");
    }
    return body;
  }

  static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  private static long longParameter(CfRequest request, String key, long fallback) {
    String value = request.query.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw CfError.badQuery("The query parameter is invalid: " + key + " must be an integer");
    }
  }
}
