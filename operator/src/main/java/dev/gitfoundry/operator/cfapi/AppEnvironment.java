package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.operator.workload.app.AppNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code cf env APP} shows, from the app's Secrets: the manifest's env (its env Secret) as
 * user-provided, and {@code VCAP_SERVICES} / {@code VCAP_APPLICATION} exactly as its instances get
 * them (the runtime Secret the operator writes). Read only for callers allowed to read Secrets.
 */
final class AppEnvironment {
  private static final String VCAP_SERVICES = "VCAP_SERVICES";
  private static final String VCAP_APPLICATION = "VCAP_APPLICATION";

  private final KubernetesClient privileged;

  AppEnvironment(KubernetesClient privileged) {
    this.privileged = privileged;
  }

  ObjectNode of(CFApp app) {
    String namespace = app.getMetadata().getNamespace();
    Map<String, String> userProvided =
        app.getSpec().getEnvSecretName() == null
            ? Map.of()
            : values(secret(namespace, app.getSpec().getEnvSecretName()));
    Map<String, String> runtime = values(secret(namespace, AppNames.runtimeSecret(app)));
    return json(userProvided, runtime);
  }

  /** Cloud Controller's shape; the runtime Secret's VCAP variables are JSON documents. */
  static ObjectNode json(Map<String, String> userProvided, Map<String, String> runtime) {
    ObjectNode body = CfJson.object();
    ObjectNode user = body.putObject("environment_variables");
    userProvided.forEach(user::put);
    body.putObject("staging_env_json");
    body.putObject("running_env_json");
    ObjectNode system = body.putObject("system_env_json");
    if (runtime.containsKey(VCAP_SERVICES)) {
      system.set(VCAP_SERVICES, parse(runtime.get(VCAP_SERVICES)));
    }
    ObjectNode application = body.putObject("application_env_json");
    if (runtime.containsKey(VCAP_APPLICATION)) {
      application.set(VCAP_APPLICATION, parse(runtime.get(VCAP_APPLICATION)));
    }
    return body;
  }

  private Secret secret(String namespace, String name) {
    return privileged.secrets().inNamespace(namespace).withName(name).get();
  }

  /** A Secret's values, decoded; a missing Secret has none. */
  static Map<String, String> values(Secret secret) {
    Map<String, String> values = new TreeMap<>();
    if (secret == null) {
      return values;
    }
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (key, value) ->
                  values.put(
                      key,
                      value == null
                          ? ""
                          : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return values;
  }

  private static JsonNode parse(String json) {
    try {
      return CfJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return CfJson.NODES.textNode(json);
    }
  }
}
