package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every write is refused: the foundation's desired state lives in Git. The refusal names the
 * repository that owns the target (found from any GUID in the path) and, for a write on one app
 * ({@code cf scale web}, {@code cf set-env web}, {@code cf restart web}), the manifest file that
 * declares it, so the user knows what to edit and where to push instead.
 */
final class WriteRefusal {
  private final KubernetesClient client;
  private final FoundationCache foundation;

  WriteRefusal(KubernetesClient client, FoundationCache foundation) {
    this.client = client;
    this.foundation = foundation;
  }

  CfError refuse(CfRequest request) {
    Optional<? extends HasMetadata> target = target(request.segments);
    String repository =
        target.flatMap(this::gitSourceUrl).or(this::onlyRepository).orElse("its Git repository");
    Optional<String> manifest = target.flatMap(WriteRefusal::manifestFile);
    return CfError.notAuthorized(message(manifest.orElse(null), repository));
  }

  static String message(String manifestFile, String repository) {
    return "This foundation is managed through Git: change "
        + (manifestFile == null ? "the manifest" : manifestFile)
        + " in "
        + repository
        + " and push";
  }

  /** The first object a GUID in the path names that came from a GitSource. */
  private Optional<? extends HasMetadata> target(List<String> segments) {
    for (String segment : segments) {
      Optional<? extends HasMetadata> target = owner(segment);
      if (target.isPresent() && gitSourceUrl(target.get()).isPresent()) {
        return target;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> manifestFile(HasMetadata target) {
    if (target instanceof CFApp app && app.getSpec().getSource() != null) {
      return Optional.ofNullable(app.getSpec().getSource().getFile());
    }
    return Optional.empty();
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
    return OwningSource.of(client, target)
        .filter(source -> source.getSpec() != null)
        .flatMap(source -> Optional.ofNullable(source.getSpec().getUrl()))
        .map(WriteRefusal::withoutCredentials);
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
