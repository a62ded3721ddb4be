package dev.gitfoundry.operator.delivery;

import java.util.Map;
import java.util.Set;

/**
 * What one delivery owns and where it may write. The branch of a GitSource and each pull-request
 * preview are scopes; everything else about delivering is the same for both.
 *
 * @param ownerLabels labels put on every object (and on namespaces it creates); {@link Owner} of
 *     them selects the live objects the delivery owns, which it prunes when no longer desired
 * @param fieldManager the server-side apply field manager
 * @param allowedNamespaces where objects may be written; empty means anywhere
 * @param adoptsUnlabelledNamespaces whether a namespace that exists without owner labels (made by
 *     hand) may be taken over; previews never do, so they cannot write into what they did not make
 */
public record DeliveryScope(
    Map<String, String> ownerLabels,
    String fieldManager,
    Set<String> allowedNamespaces,
    boolean adoptsUnlabelledNamespaces) {
  public DeliveryScope {
    ownerLabels = Map.copyOf(ownerLabels);
    allowedNamespaces = Set.copyOf(allowedNamespaces);
    if (Owner.of(ownerLabels).isEmpty()) {
      throw new IllegalArgumentException("owner labels name no owner: " + ownerLabels);
    }
  }

  public String owner() {
    return Owner.of(ownerLabels).orElseThrow();
  }

  boolean allows(String namespace) {
    return allowedNamespaces.isEmpty()
        || namespace == null
        || allowedNamespaces.contains(namespace);
  }
}
