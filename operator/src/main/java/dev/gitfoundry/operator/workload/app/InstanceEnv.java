package dev.gitfoundry.operator.workload.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What a CF app reads about its own instance, from the Pod through the downward API: {@code
 * CF_INSTANCE_INDEX}/{@code INSTANCE_INDEX} (the StatefulSet Pod's index label), {@code
 * CF_INSTANCE_GUID}/{@code INSTANCE_GUID} (the Pod's uid), {@code CF_INSTANCE_IP} (the node, as
 * Diego gives the cell's), {@code CF_INSTANCE_INTERNAL_IP} (the Pod), {@code CF_INSTANCE_PORT} and
 * {@code CF_INSTANCE_ADDR} (where the instance is reachable: the Pod's IP and port, since
 * Kubernetes maps no host port), and {@code VCAP_APPLICATION} with {@code instance_index} and
 * {@code instance_id}.
 *
 * <p>VCAP_APPLICATION's other fields come from the runtime Secret as {@value #VCAP_FIELDS} (the
 * JSON object's members without braces) and are spliced in by Kubernetes' {@code $(VAR)} expansion,
 * so a route change updates the Secret without restarting instances, as on CF.
 */
final class InstanceEnv {
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  static final String VCAP_FIELDS = "GITFOUNDRY_VCAP_APPLICATION_FIELDS";

  private static final ObjectMapper JSON = new ObjectMapper();

  private InstanceEnv() {}

  static List<EnvVar> of(String processType, boolean bindings) {
    String port = Integer.toString(AppNames.PORT);
    List<EnvVar> env = new ArrayList<>();
    env.add(value("PORT", port));
    env.add(field("CF_INSTANCE_GUID", "metadata.uid"));
    env.add(field("INSTANCE_GUID", "metadata.uid"));
    env.add(field("CF_INSTANCE_INDEX", "metadata.labels['" + POD_INDEX_LABEL + "']"));
    env.add(field("INSTANCE_INDEX", "metadata.labels['" + POD_INDEX_LABEL + "']"));
    env.add(field("CF_INSTANCE_IP", "status.hostIP"));
    env.add(field("CF_INSTANCE_INTERNAL_IP", "status.podIP"));
    env.add(value("CF_INSTANCE_PORT", port));
    env.add(value("CF_INSTANCE_ADDR", "$(CF_INSTANCE_INTERNAL_IP):" + port));
    env.add(value("CF_INSTANCE_PORTS", "[{\"external\":" + port + ",\"internal\":" + port + "}]"));
    env.add(
        value(
            "VCAP_APPLICATION",
            "{\"instance_id\":\"$(CF_INSTANCE_GUID)\",\"instance_index\":$(CF_INSTANCE_INDEX),"
                + "\"host\":\"0.0.0.0\",\"port\":"
                + port
                + ",\"process_type\":"
                + literal(processType)
                + ",$("
                + VCAP_FIELDS
                + ")}"));
    if (bindings) {
      env.add(value(BindingFiles.ROOT_VARIABLE, BindingFiles.ROOT));
    }
    return env;
  }

  /** A JSON string in an env value: {@code $} doubled, or Kubernetes would expand it. */
  private static String literal(String text) {
    try {
      return JSON.writeValueAsString(text).replace("$", "$$");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar field(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withApiVersion("v1")
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }
}
