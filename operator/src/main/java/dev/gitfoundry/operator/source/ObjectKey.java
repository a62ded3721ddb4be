package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** {@code Kind/namespace/name}: how applied objects and inventory entries are matched. */
public final class ObjectKey {
  private ObjectKey() {}

  public static String of(HasMetadata object) {
    return of(
        object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  public static String of(InventoryEntry entry) {
    return of(entry.getKind(), entry.getNamespace(), entry.getName());
  }

  private static String of(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
