package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.HealthCheck;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import java.util.List;

/** A process of a CFApp as a V3 process, and its instances as process stats. */
final class ProcessJson {
  private static final long MEBIBYTE = 1024L * 1024L;

  private ProcessJson() {}

  static ObjectNode of(CFApp app, ProcessSpec process, String spaceGuid, String baseUrl) {
    String appGuid = CfGuids.of(app);
    String guid = CfGuids.process(appGuid, process.getType());
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    CfJson.timestamps(json, app);
    json.put("type", process.getType());
    json.put("command", process.getCommand());
    json.put("user", process.getUser());
    json.put("instances", instances(process));
    json.put("memory_in_mb", process.getMemoryMB());
    json.put("disk_in_mb", process.getDiskMB());
    Long logRate = process.getLogRateLimitBytesPerSecond();
    json.put("log_rate_limit_in_bytes_per_second", logRate == null ? -1 : logRate);
    json.set(
        "health_check", healthCheck(process.getHealthCheck(), process.getTimeoutSeconds(), false));
    json.set("readiness_health_check", healthCheck(process.getReadinessCheck(), null, true));
    ObjectNode relationships = json.putObject("relationships");
    relationships.set("app", CfJson.toOne(appGuid));
    relationships.set("revision", CfJson.toOne(null));
    json.set("metadata", CfJson.metadata(null, null));
    ObjectNode links = json.putObject("links");
    String self = baseUrl + "/v3/processes/" + guid;
    links.set("self", CfJson.link(self));
    links.set("scale", CfJson.link(self + "/actions/scale"));
    links.set("app", CfJson.link(baseUrl + "/v3/apps/" + appGuid));
    links.set("space", CfJson.link(baseUrl + "/v3/spaces/" + spaceGuid));
    links.set("stats", CfJson.link(self + "/stats"));
    return json;
  }

  static int instances(ProcessSpec process) {
    return process.getInstances() == null ? 1 : process.getInstances();
  }

  /** {@code embed=process_instances}: the CLI reads {@code since} as seconds of uptime. */
  static ArrayNode embeddedInstances(List<InstanceStates.Instance> instances) {
    ArrayNode array = CfJson.array();
    for (InstanceStates.Instance instance : instances) {
      array
          .addObject()
          .put("index", instance.index())
          .put("state", instance.state().name())
          .put("since", instance.uptimeSeconds());
    }
    return array;
  }

  static ObjectNode stats(
      ProcessSpec process, List<InstanceStates.Instance> instances, PodUsage podUsage) {
    ObjectNode body = CfJson.object();
    ArrayNode resources = body.putArray("resources");
    for (InstanceStates.Instance instance : instances) {
      ObjectNode entry = resources.addObject();
      entry.put("type", process.getType());
      entry.put("index", instance.index());
      entry.put("state", instance.state().name());
      entry.put("uptime", instance.uptimeSeconds());
      entry.put("mem_quota", bytes(process.getMemoryMB()));
      entry.put("disk_quota", bytes(process.getDiskMB()));
      Long logRate = process.getLogRateLimitBytesPerSecond();
      entry.put("log_rate_limit", logRate == null ? -1 : logRate);
      entry.put("fds_quota", 16384);
      // From metrics.k8s.io where the cluster serves it; otherwise the CLI prints zeros. Disk
      // and log rate are not measured there.
      PodUsage.Usage measured =
          instance.pod() == null ? null : podUsage.of(instance.pod()).orElse(null);
      ObjectNode usage = entry.putObject("usage");
      usage.put("time", java.time.Instant.now().toString());
      usage.put("cpu", measured == null ? 0.0 : measured.cpuCores());
      usage.put("cpu_entitlement", 0.0);
      usage.put("mem", measured == null ? 0 : measured.memoryBytes());
      usage.put("disk", 0);
      usage.put("log_rate", 0);
      entry.putNull("details");
      entry.putNull("isolation_segment");
      entry.put("routable", instance.state() == InstanceStates.State.RUNNING);
      entry.put("host", "");
      entry.putArray("instance_ports");
    }
    return body;
  }

  private static ObjectNode healthCheck(HealthCheck check, Integer timeout, boolean readiness) {
    ObjectNode json = CfJson.object();
    json.put("type", check == null || check.getType() == null ? "port" : check.getType());
    ObjectNode data = json.putObject("data");
    if (!readiness) {
      if (timeout == null) {
        data.putNull("timeout");
      } else {
        data.put("timeout", timeout);
      }
    } else {
      Integer interval = check == null ? null : check.getIntervalSeconds();
      if (interval == null) {
        data.putNull("interval");
      } else {
        data.put("interval", interval);
      }
    }
    Integer invocation = check == null ? null : check.getInvocationTimeoutSeconds();
    if (invocation == null) {
      data.putNull("invocation_timeout");
    } else {
      data.put("invocation_timeout", invocation);
    }
    data.put("endpoint", check == null ? null : check.getEndpoint());
    return json;
  }

  private static long bytes(Long mebibytes) {
    return mebibytes == null ? 0 : mebibytes * MEBIBYTE;
  }
}
