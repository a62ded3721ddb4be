package dev.gitfoundry.operator.source;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets come back from the API as base64 {@code data}; the compiler writes {@code stringData}.
 * Both appliers compare and apply in the API's form, or every apply would rewrite every Secret.
 */
public final class EncodedSecrets {
  private EncodedSecrets() {}

  public static Secret encoded(Secret secret) {
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      data.putAll(secret.getData());
    }
    if (secret.getStringData() != null) {
      secret
          .getStringData()
          .forEach(
              (k, v) ->
                  data.put(
                      k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    }
    return new SecretBuilder(secret).withStringData(null).withData(data).build();
  }
}
