package dev.gitfoundry.operator.workload.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The instance env as the kubelet resolves it: envFrom first, then each env entry in order, with
 * {@code $(VAR)} replaced by variables defined before it and {@code $$} by {@code $}.
 */
class InstanceEnvTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private static Map<String, String> resolve(
      List<EnvVar> env, Map<String, String> envFrom, Map<String, String> downward) {
    Map<String, String> resolved = new LinkedHashMap<>(envFrom);
    for (EnvVar var : env) {
      String value;
      if (var.getValueFrom() != null) {
        value = downward.getOrDefault(var.getValueFrom().getFieldRef().getFieldPath(), "");
      } else {
        Matcher m = REFERENCE.matcher(var.getValue());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          String replacement =
              m.group(1) == null ? "$" : resolved.getOrDefault(m.group(1), m.group());
          m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        value = out.toString();
      }
      resolved.put(var.getName(), value);
    }
    return resolved;
  }

  @Test
  void vcapApplicationGetsTheInstanceIndexAndIdAndKeepsTheSecretsFields() throws Exception {
    String vcap =
        Vcap.application(
            "app-guid",
            "web $(not a reference)",
            new Vcap.Placement("o", "acme", "s", "prod"),
            List.of("web.example.com"),
            256,
            1024,
            "http://api");
    Map<String, String> envFrom =
        Map.of(
            "VCAP_APPLICATION",
            vcap,
            InstanceEnv.VCAP_FIELDS,
            vcap.substring(1, vcap.length() - 1));
    Map<String, String> downward =
        Map.of(
            "metadata.uid", "pod-uid",
            "metadata.labels['apps.kubernetes.io/pod-index']", "2",
            "status.hostIP", "10.0.0.1",
            "status.podIP", "10.244.0.7");

    Map<String, String> env = resolve(InstanceEnv.of("web", true), envFrom, downward);

    assertThat(env)
        .containsEntry("CF_INSTANCE_INDEX", "2")
        .containsEntry("INSTANCE_INDEX", "2")
        .containsEntry("CF_INSTANCE_GUID", "pod-uid")
        .containsEntry("INSTANCE_GUID", "pod-uid")
        .containsEntry("CF_INSTANCE_IP", "10.0.0.1")
        .containsEntry("CF_INSTANCE_INTERNAL_IP", "10.244.0.7")
        .containsEntry("CF_INSTANCE_PORT", "8080")
        .containsEntry("CF_INSTANCE_ADDR", "10.244.0.7:8080")
        .containsEntry("PORT", "8080")
        .containsEntry("SERVICE_BINDING_ROOT", "/bindings");
    JsonNode application = JSON.readTree(env.get("VCAP_APPLICATION"));
    assertThat(application.get("instance_index").asInt()).isEqualTo(2);
    assertThat(application.get("instance_id").asText()).isEqualTo("pod-uid");
    assertThat(application.get("port").asInt()).isEqualTo(8080);
    assertThat(application.get("process_type").asText()).isEqualTo("web");
    assertThat(application.get("application_name").asText()).isEqualTo("web $(not a reference)");
    assertThat(application.get("space_name").asText()).isEqualTo("prod");
    assertThat(application.get("uris").get(0).asText()).isEqualTo("web.example.com");
    assertThat(JSON.readTree(env.get("CF_INSTANCE_PORTS")).get(0).get("internal").asInt())
        .isEqualTo(8080);
  }

  @Test
  void aProcessTypeIsQuotedAndItsDollarsEscaped() throws Exception {
    Map<String, String> env =
        resolve(
            InstanceEnv.of("we\"b$(X)", false),
            Map.of("X", "oops", InstanceEnv.VCAP_FIELDS, "\"name\":\"a\""),
            Map.of("metadata.labels['apps.kubernetes.io/pod-index']", "0"));
    assertThat(JSON.readTree(env.get("VCAP_APPLICATION")).get("process_type").asText())
        .isEqualTo("we\"b$(X)");
    assertThat(env).doesNotContainKey("SERVICE_BINDING_ROOT");
  }
}
