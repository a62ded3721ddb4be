package dev.gitfoundry.operator.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A kubeconfig whose certificate and key files are inlined as {@code *-data}, so that it works
 * inside a container that cannot see the files it named.
 */
final class SelfContainedKubeconfig {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, String> FILE_FIELDS =
      Map.of(
          "certificate-authority", "certificate-authority-data",
          "client-certificate", "client-certificate-data",
          "client-key", "client-key-data");

  private SelfContainedKubeconfig() {}

  static String of(String kubeconfigYaml) throws IOException {
    JsonNode kubeconfig = YAML.readTree(kubeconfigYaml);
    kubeconfig.path("clusters").forEach(cluster -> inline(cluster.get("cluster")));
    kubeconfig.path("users").forEach(user -> inline(user.get("user")));
    return YAML.writeValueAsString(kubeconfig);
  }

  private static void inline(JsonNode section) {
    if (!(section instanceof ObjectNode fields)) {
      return;
    }
    FILE_FIELDS.forEach(
        (file, data) -> {
          JsonNode path = fields.remove(file);
          if (path != null) {
            fields.put(data, Base64.getEncoder().encodeToString(read(Path.of(path.asText()))));
          }
        });
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
