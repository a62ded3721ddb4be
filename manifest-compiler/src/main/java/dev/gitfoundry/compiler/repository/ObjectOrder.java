package dev.gitfoundry.compiler.repository;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.List;

/** A stable order that is also a safe apply order: orgs, spaces, secrets, apps, routes. */
final class ObjectOrder {
  private static final List<String> KINDS =
      List.of("CFOrg", "CFSpace", "Secret", "CFApp", "CFRoute");

  private ObjectOrder() {}

  static List<HasMetadata> sort(List<HasMetadata> objects) {
    return objects.stream()
        .sorted(
            Comparator.<HasMetadata>comparingInt(o -> KINDS.indexOf(o.getKind()))
                .thenComparing(o -> o.getMetadata().getNamespace())
                .thenComparing(o -> o.getMetadata().getName()))
        .toList();
  }
}
