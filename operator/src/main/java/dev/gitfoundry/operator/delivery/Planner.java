package dev.gitfoundry.operator.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compares what Git asks for with what the cluster holds. An object is unchanged when every field
 * it asks for is present and equal in the live object (fields the server or others add are
 * ignored), so an unchanged revision costs no write. What the scope held before (its live objects
 * and the previous inventory) and no longer wants is deleted, when the delivery prunes.
 */
public final class Planner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A live object (by uid) found to hold {@code desired} at this resourceVersion. */
  private record Satisfied(String resourceVersion, HasMetadata desired) {}

  private final LiveState live;
  private final Map<String, Satisfied> satisfied = new ConcurrentHashMap<>();

  /** Objects deleted behind the planner's back leave entries; this many at most are kept. */
  private static final int SATISFIED_KEPT = 100_000;

  public Planner(LiveState live) {
    this.live = live;
  }

  /**
   * @param desired the objects to deliver, as they will be written (Secrets with base64 data)
   * @param previous the inventory of the last delivery into this scope
   */
  public Plan plan(
      DeliveryScope scope,
      List<HasMetadata> desired,
      Collection<InventoryEntry> previous,
      boolean prune) {
    Map<String, ObjectChange> changes = new LinkedHashMap<>();
    for (HasMetadata object : desired) {
      ObjectRef ref = ObjectRef.of(object);
      HasMetadata current = live.get(ref.kind(), ref.namespace(), ref.name()).orElse(null);
      changes.put(ref.key(), compare(ref, object, current));
    }
    if (prune) {
      List<ObjectRef> held = new ArrayList<>();
      live.owned(scope.owner()).forEach(o -> held.add(ObjectRef.of(o)));
      held.addAll(ObjectRef.of(previous));
      for (ObjectRef ref : held) {
        if (!changes.containsKey(ref.key())) {
          HasMetadata current = live.get(ref.kind(), ref.namespace(), ref.name()).orElse(null);
          changes.put(
              ref.key(), new ObjectChange(ObjectChange.Action.DELETE, ref, null, current, null));
        }
      }
    }
    if (satisfied.size() > SATISFIED_KEPT) {
      satisfied.clear(); // only a shortcut: the next plans compare in full once
    }
    return new Plan(new ArrayList<>(changes.values()));
  }

  private ObjectChange compare(ObjectRef ref, HasMetadata desired, HasMetadata current) {
    if (current == null) {
      return new ObjectChange(ObjectChange.Action.CREATE, ref, desired, null, null);
    }
    String uid = current.getMetadata().getUid();
    String version = current.getMetadata().getResourceVersion();
    Satisfied known = uid == null ? null : satisfied.get(uid);
    if (known != null
        && known.resourceVersion().equals(version)
        && known.desired().equals(desired)) {
      // Comparing trees is most of a plan's cost; an object at the version already found to hold
      // what is asked for still holds it. The memo moves to this plan's object, so that it never
      // keeps an older compilation alive.
      if (known.desired() != desired) {
        satisfied.put(uid, new Satisfied(version, desired));
      }
      return new ObjectChange(ObjectChange.Action.UNCHANGED, ref, desired, current, null);
    }
    List<String> fields = FieldDiff.unsatisfied(comparable(desired), JSON.valueToTree(current));
    if (fields.isEmpty() && uid != null && version != null) {
      satisfied.put(uid, new Satisfied(version, desired));
    }
    return new ObjectChange(
        fields.isEmpty() ? ObjectChange.Action.UNCHANGED : ObjectChange.Action.UPDATE,
        ref,
        desired,
        current,
        fields);
  }

  /** The desired object without status and without metadata the server owns. */
  private static JsonNode comparable(HasMetadata desired) {
    ObjectNode tree = JSON.valueToTree(desired);
    tree.remove("status");
    JsonNode metadata = tree.get("metadata");
    if (metadata instanceof ObjectNode meta) {
      meta.retain("name", "namespace", "labels", "annotations");
    }
    return tree;
  }
}
