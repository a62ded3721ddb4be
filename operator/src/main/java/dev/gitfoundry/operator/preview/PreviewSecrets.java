package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.gitsync.GitCredentials;
import dev.gitfoundry.operator.source.SourceSecrets;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The Git credentials and forge token a GitSource names, read exactly as for the source itself;
 * only the failure is a {@link PreviewException}, with the same classification.
 */
final class PreviewSecrets {
  private final SourceSecrets secrets;

  PreviewSecrets(KubernetesClient client) {
    this.secrets = new SourceSecrets(client);
  }

  GitCredentials gitCredentials(GitSource source) throws PreviewException {
    try {
      return secrets.gitCredentials(source);
    } catch (SourceSecrets.MissingSecretException e) {
      throw new PreviewException(e.kind(), e.getMessage(), e);
    }
  }

  String value(String namespace, SecretKeyRef ref, String defaultKey) throws PreviewException {
    try {
      return secrets.value(namespace, ref, defaultKey);
    } catch (SourceSecrets.MissingSecretException e) {
      throw new PreviewException(e.kind(), e.getMessage(), e);
    }
  }
}
