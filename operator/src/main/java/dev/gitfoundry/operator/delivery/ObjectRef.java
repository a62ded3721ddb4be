package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** An object by API version, kind, namespace and name: how desired, live and inventory meet. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
  public static ObjectRef of(HasMetadata object) {
    return new ObjectRef(
        object.getApiVersion(),
        object.getKind(),
        object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }

  public static ObjectRef of(InventoryEntry entry) {
    return new ObjectRef(
        entry.getApiVersion(), entry.getKind(), entry.getNamespace(), entry.getName());
  }

  public InventoryEntry toInventoryEntry() {
    InventoryEntry entry = new InventoryEntry();
    entry.setApiVersion(apiVersion);
    entry.setKind(kind);
    entry.setNamespace(namespace);
    entry.setName(name);
    return entry;
  }

  /** {@code Kind/namespace/name}, as messages and logs name objects. */
  @Override
  public String toString() {
    return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
  }

  /** Identity ignores the API version: one kind is served under one group here. */
  String key() {
    return kind + "/" + namespace + "/" + name;
  }
}
