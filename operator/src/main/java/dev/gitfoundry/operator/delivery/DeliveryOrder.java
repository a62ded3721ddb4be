package dev.gitfoundry.operator.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order objects are written in, a wave per kind: what others refer to goes first (Namespaces,
 * orgs, spaces, the Secrets apps read, apps, then the routes to them). Deletes go the other way.
 */
final class DeliveryOrder {
  private static final List<String> KINDS =
      List.of("Namespace", "CFOrg", "CFSpace", "Secret", "CFApp", "CFRoute");

  private DeliveryOrder() {}

  /** Changes grouped by kind, in write order; kinds not listed come last. */
  static List<List<ObjectChange>> waves(List<ObjectChange> changes) {
    Map<Integer, List<ObjectChange>> byRank = new java.util.TreeMap<>();
    for (ObjectChange change : changes) {
      byRank.computeIfAbsent(rank(change.ref().kind()), k -> new ArrayList<>()).add(change);
    }
    return new ArrayList<>(new LinkedHashMap<>(byRank).values());
  }

  /** As {@link #waves}, last kind first. */
  static List<List<ObjectChange>> reversed(List<ObjectChange> changes) {
    List<List<ObjectChange>> waves = waves(changes);
    java.util.Collections.reverse(waves);
    return waves;
  }

  static boolean isNamespace(ObjectChange change) {
    return "Namespace".equals(change.ref().kind());
  }

  private static int rank(String kind) {
    int rank = KINDS.indexOf(kind);
    return rank < 0 ? KINDS.size() : rank;
  }
}
