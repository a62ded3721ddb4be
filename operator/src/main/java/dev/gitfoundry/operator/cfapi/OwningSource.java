package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.GitSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;

/** The GitSource an applied object came from, found from the labels the applier puts on it. */
final class OwningSource {
  private OwningSource() {}

  static Optional<GitSource> of(KubernetesClient client, HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels == null || labels.get(Labels.SOURCE) == null) {
      return Optional.empty();
    }
    String namespace =
        labels.getOrDefault(Labels.SOURCE_NAMESPACE, object.getMetadata().getNamespace());
    return Optional.ofNullable(
        client
            .resources(GitSource.class)
            .inNamespace(namespace)
            .withName(labels.get(Labels.SOURCE))
            .get());
  }
}
