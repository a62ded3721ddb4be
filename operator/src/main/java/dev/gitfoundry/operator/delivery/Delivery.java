package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * One revision to deliver into one scope.
 *
 * @param revision recorded on every written object (annotation {@code gitfoundry.dev/revision})
 * @param namespaces the namespaces the objects need, created first and owned by the scope
 * @param desired the objects Git asks for
 * @param previous the inventory of the last delivery into this scope (pruned when not desired)
 * @param prune whether objects of the scope that Git no longer asks for are deleted
 * @param verify whether the API server checks every changed object (server-side dry-run) before
 *     anything is written; a drift correction of an already applied revision skips it
 */
public record Delivery(
    DeliveryScope scope,
    String revision,
    List<String> namespaces,
    List<HasMetadata> desired,
    List<InventoryEntry> previous,
    boolean prune,
    boolean verify) {
  public Delivery {
    namespaces = List.copyOf(namespaces);
    desired = List.copyOf(desired);
    previous = previous == null ? List.of() : List.copyOf(previous);
  }
}
