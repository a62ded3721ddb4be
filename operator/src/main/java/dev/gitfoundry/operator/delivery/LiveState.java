package dev.gitfoundry.operator.delivery;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as the delivery sees it: every object Gitfoundry manages (orgs, spaces, apps, routes,
 * env Secrets, Namespaces), from informer caches, so that planning an apply costs no request.
 */
public interface LiveState {
  /** The live object of that kind, namespace and name, if Gitfoundry manages one. */
  Optional<HasMetadata> get(String kind, String namespace, String name);

  /** Every live object of one kind that Gitfoundry manages. */
  List<HasMetadata> all(String kind);

  /** Every live object of {@code owner} (see {@link Owner}). */
  List<HasMetadata> owned(String owner);
}
