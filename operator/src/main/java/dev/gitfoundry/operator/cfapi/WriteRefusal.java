package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.GitSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every write is refused: the foundation's desired state lives in Git. The refusal names the
 * repository that owns the target (found from any GUID in the path), so the user knows where to
 * push instead.
 */
final class WriteRefusal {
  private final KubernetesClient client;
  private final FoundationCache foundation;

  WriteRefusal(KubernetesClient client, FoundationCache foundation) {
    this.client = client;
    this.foundation = foundation;
  }

  CfError refuse(CfRequest request) {
    String repository = repositoryOf(request.segments).orElse("its Git repository");
    return CfError.notAuthorized(
        "This foundation is managed through Git: change the manifest in "
            + repository
            + " and push");
  }

  private Optional<String> repositoryOf(List<String> segments) {
    for (String segment : segments) {
      Optional<? extends HasMetadata> target = owner(segment);
      if (target.isPresent()) {
        Optional<String> url = gitSourceUrl(target.get());
        if (url.isPresent()) {
          return url;
        }
      }
    }
    return onlyRepository();
  }

  private Optional<? extends HasMetadata> owner(String guid) {
    if (foundation.app(guid).isPresent()) {
      return foundation.app(guid);
    }
    if (foundation.appWithProcess(guid).isPresent()) {
      return foundation.appWithProcess(guid);
    }
    if (foundation.space(guid).isPresent()) {
      return foundation.space(guid);
    }
    if (foundation.route(guid).isPresent()) {
      return foundation.route(guid);
    }
    return foundation.org(guid);
  }

  private Optional<String> gitSourceUrl(HasMetadata target) {
    Map<String, String> labels = target.getMetadata().getLabels();
    if (labels == null || labels.get(Labels.SOURCE) == null) {
      return Optional.empty();
    }
    String namespace =
        labels.getOrDefault(Labels.SOURCE_NAMESPACE, target.getMetadata().getNamespace());
    GitSource source =
        client
            .resources(GitSource.class)
            .inNamespace(namespace)
            .withName(labels.get(Labels.SOURCE))
            .get();
    return source == null || source.getSpec() == null
        ? Optional.empty()
        : Optional.ofNullable(source.getSpec().getUrl()).map(WriteRefusal::withoutCredentials);
  }

  /** With no target in the path, a foundation fed by one repository still has one answer. */
  private Optional<String> onlyRepository() {
    Set<String> urls = new TreeSet<>();
    for (GitSource source : client.resources(GitSource.class).inAnyNamespace().list().getItems()) {
      if (source.getSpec() != null && source.getSpec().getUrl() != null) {
        urls.add(withoutCredentials(source.getSpec().getUrl()));
      }
    }
    return urls.size() == 1 ? Optional.of(urls.iterator().next()) : Optional.empty();
  }

  /** A URL may carry a user and password; the message must not. */
  static String withoutCredentials(String url) {
    return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
  }
}
