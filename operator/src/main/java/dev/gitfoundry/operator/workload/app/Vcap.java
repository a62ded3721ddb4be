package dev.gitfoundry.operator.workload.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the instance-independent parts of CF's VCAP_APPLICATION and VCAP_SERVICES. */
final class Vcap {
  static final String USER_PROVIDED = "user-provided";
  private static final int FILE_DESCRIPTORS = 16384;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** Org and space as CF names them. */
  record Placement(String orgGuid, String orgName, String spaceGuid, String spaceName) {}

  /** One bound service instance and its credentials. */
  record BoundService(String instanceName, String bindingName, Map<String, String> credentials) {}

  private Vcap() {}

  static String application(
      String appGuid,
      String appName,
      Placement placement,
      List<String> uris,
      long memoryMB,
      long diskMB,
      String cfApi) {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("mem", memoryMB);
    limits.put("disk", diskMB);
    limits.put("fds", FILE_DESCRIPTORS);
    Map<String, Object> vcap = new LinkedHashMap<>();
    vcap.put("application_id", appGuid);
    vcap.put("application_name", appName);
    vcap.put("application_uris", uris);
    vcap.put("application_version", appGuid);
    vcap.put("cf_api", cfApi);
    vcap.put("limits", limits);
    vcap.put("name", appName);
    vcap.put("organization_id", placement.orgGuid());
    vcap.put("organization_name", placement.orgName());
    vcap.put("space_id", placement.spaceGuid());
    vcap.put("space_name", placement.spaceName());
    vcap.put("uris", uris);
    vcap.put("users", null);
    return write(vcap);
  }

  static String services(List<BoundService> services) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (BoundService service : services) {
      Map<String, Object> entry = new LinkedHashMap<>();
      String bindingName = service.bindingName();
      entry.put("name", bindingName != null ? bindingName : service.instanceName());
      entry.put("instance_name", service.instanceName());
      entry.put("binding_name", bindingName);
      entry.put("credentials", new TreeMap<>(service.credentials()));
      entry.put("label", USER_PROVIDED);
      entry.put("tags", List.of());
      entry.put("syslog_drain_url", null);
      entry.put("volume_mounts", List.of());
      entries.add(entry);
    }
    return write(entries.isEmpty() ? Map.of() : Map.of(USER_PROVIDED, entries));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
