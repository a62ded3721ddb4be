package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An object by API version, kind, namespace and name: how desired, live and inventory meet. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
  public static ObjectRef of(HasMetadata object) {
    return new ObjectRef(
        object.getApiVersion(),
        object.getKind(),
        object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }

  /** The objects an inventory lists. */
  public static List<ObjectRef> of(Collection<InventoryEntry> inventory) {
    List<ObjectRef> refs = new ArrayList<>();
    for (InventoryEntry entry : inventory) {
      for (String name : entry.getNames()) {
        refs.add(new ObjectRef(entry.getApiVersion(), entry.getKind(), entry.getNamespace(), name));
      }
    }
    return refs;
  }

  /** An inventory listing {@code refs}: grouped by API version, kind and namespace, sorted. */
  public static List<InventoryEntry> inventory(Collection<ObjectRef> refs) {
    Map<List<String>, List<String>> groups = new TreeMap<>(ObjectRef::compareGroups);
    for (ObjectRef ref : refs) {
      groups
          .computeIfAbsent(
              Arrays.asList(ref.apiVersion(), ref.kind(), ref.namespace()), k -> new ArrayList<>())
          .add(ref.name());
    }
    List<InventoryEntry> inventory = new ArrayList<>();
    groups.forEach(
        (group, names) -> {
          InventoryEntry entry = new InventoryEntry();
          entry.setApiVersion(group.get(0));
          entry.setKind(group.get(1));
          entry.setNamespace(group.get(2));
          entry.setNames(names.stream().sorted().toList());
          inventory.add(entry);
        });
    return inventory;
  }

  private static int compareGroups(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int order =
          java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder())
              .compare(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
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
