package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.gitsync.GitCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the Secrets a GitSource names. Values never leave this class except as credentials; error
 * messages name the Secret and key, never a value.
 */
final class SourceSecrets {
  /** The Secret or key a source refers to does not exist: the user must fix the source. */
  static final class MissingSecretException extends Exception {
    MissingSecretException(String message) {
      super(message);
    }
  }

  private final KubernetesClient client;

  SourceSecrets(KubernetesClient client) {
    this.client = client;
  }

  GitCredentials gitCredentials(GitSource source) throws MissingSecretException {
    if (source.getSpec().getSecretRef() == null
        || source.getSpec().getSecretRef().getName() == null) {
      return GitCredentials.none();
    }
    String name = source.getSpec().getSecretRef().getName();
    Map<String, String> data = read(source.getMetadata().getNamespace(), name);
    if (data.containsKey("identity")) {
      if (!data.containsKey("known_hosts")) {
        throw new MissingSecretException(
            "Secret '" + name + "' has 'identity' but no 'known_hosts': SSH needs the host key");
      }
      return GitCredentials.sshKey(
          data.get("identity"), data.get("password"), data.get("known_hosts"));
    }
    if (data.containsKey("username") && data.containsKey("password")) {
      return GitCredentials.usernamePassword(data.get("username"), data.get("password"));
    }
    if (data.containsKey("token")) {
      return GitCredentials.token(data.get("token"));
    }
    throw new MissingSecretException(
        "Secret '"
            + name
            + "' needs 'token', 'username' and 'password', or 'identity' and 'known_hosts'");
  }

  /** A single value, such as the forge token or the webhook secret; null when not configured. */
  String value(String namespace, SecretKeyRef ref, String defaultKey)
      throws MissingSecretException {
    if (ref == null || ref.getName() == null) {
      return null;
    }
    String key = ref.getKey() == null ? defaultKey : ref.getKey();
    String value = read(namespace, ref.getName()).get(key);
    if (value == null) {
      throw new MissingSecretException("Secret '" + ref.getName() + "' has no key '" + key + "'");
    }
    return value;
  }

  private Map<String, String> read(String namespace, String name) throws MissingSecretException {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new MissingSecretException(
          "Secret '" + name + "' not found in namespace '" + namespace + "'");
    }
    Map<String, String> values = new java.util.HashMap<>();
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
