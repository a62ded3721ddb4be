package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.GitCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the Git credentials and forge token a GitSource names, the same way the GitSource
 * reconciler does. Messages name the Secret and key, never a value.
 */
final class PreviewSecrets {
  private final KubernetesClient client;

  PreviewSecrets(KubernetesClient client) {
    this.client = client;
  }

  GitCredentials gitCredentials(GitSource source) throws PreviewException {
    if (source.getSpec().getSecretRef() == null
        || source.getSpec().getSecretRef().getName() == null) {
      return GitCredentials.none();
    }
    Map<String, String> data =
        read(source.getMetadata().getNamespace(), source.getSpec().getSecretRef().getName());
    if (data.containsKey("identity") && data.containsKey("known_hosts")) {
      return GitCredentials.sshKey(
          data.get("identity"), data.get("password"), data.get("known_hosts"));
    }
    if (data.containsKey("username") && data.containsKey("password")) {
      return GitCredentials.usernamePassword(data.get("username"), data.get("password"));
    }
    if (data.containsKey("token")) {
      return GitCredentials.token(data.get("token"));
    }
    throw new PreviewException(
        ErrorKind.INVALID_INPUT,
        "Secret '" + source.getSpec().getSecretRef().getName() + "' has no usable credentials");
  }

  String value(String namespace, SecretKeyRef ref, String defaultKey) throws PreviewException {
    if (ref == null || ref.getName() == null) {
      return null;
    }
    String key = ref.getKey() == null ? defaultKey : ref.getKey();
    String value = read(namespace, ref.getName()).get(key);
    if (value == null) {
      throw new PreviewException(
          ErrorKind.INVALID_INPUT, "Secret '" + ref.getName() + "' has no key '" + key + "'");
    }
    return value;
  }

  private Map<String, String> read(String namespace, String name) throws PreviewException {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new PreviewException(
          ErrorKind.WAITING, "Secret '" + name + "' not found in namespace '" + namespace + "'");
    }
    Map<String, String> values = new HashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return values;
  }
}
