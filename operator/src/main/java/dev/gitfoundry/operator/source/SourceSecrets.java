package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.GitCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the Secrets a GitSource names, for the source and its previews alike. Values never leave
 * this class except as credentials; error messages name the Secret and key, never a value.
 */
public final class SourceSecrets {
  /**
   * The Secret a source refers to does not exist yet ({@link ErrorKind#WAITING}), or lacks what the
   * source needs ({@link ErrorKind#INVALID_INPUT}): the user must create or fix it.
   */
  public static final class MissingSecretException extends Exception {
    private final ErrorKind kind;

    MissingSecretException(ErrorKind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public ErrorKind kind() {
      return kind;
    }
  }

  private final KubernetesClient client;

  public SourceSecrets(KubernetesClient client) {
    this.client = client;
  }

  public GitCredentials gitCredentials(GitSource source) throws MissingSecretException {
    if (source.getSpec().getSecretRef() == null
        || source.getSpec().getSecretRef().getName() == null) {
      return GitCredentials.none();
    }
    String name = source.getSpec().getSecretRef().getName();
    Map<String, String> data = read(source.getMetadata().getNamespace(), name);
    if (data.containsKey("identity")) {
      if (!data.containsKey("known_hosts")) {
        throw new MissingSecretException(
            ErrorKind.INVALID_INPUT,
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
        ErrorKind.INVALID_INPUT,
        "Secret '"
            + name
            + "' needs 'token', 'username' and 'password', or 'identity' and 'known_hosts'");
  }

  /** A single value, such as the forge token or the webhook secret; null when not configured. */
  public String value(String namespace, SecretKeyRef ref, String defaultKey)
      throws MissingSecretException {
    if (ref == null || ref.getName() == null) {
      return null;
    }
    String key = ref.getKey() == null ? defaultKey : ref.getKey();
    String value = read(namespace, ref.getName()).get(key);
    if (value == null) {
      throw new MissingSecretException(
          ErrorKind.INVALID_INPUT, "Secret '" + ref.getName() + "' has no key '" + key + "'");
    }
    return value;
  }

  private Map<String, String> read(String namespace, String name) throws MissingSecretException {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new MissingSecretException(
          ErrorKind.WAITING, "Secret '" + name + "' not found in namespace '" + namespace + "'");
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
