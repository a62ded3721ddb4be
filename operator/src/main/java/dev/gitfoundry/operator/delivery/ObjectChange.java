package dev.gitfoundry.operator.delivery;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What a delivery does to one object.
 *
 * @param desired what Git asks for (null for a delete)
 * @param live what the cluster has (null for a create)
 * @param fields for an update, the fields the cluster lacks or holds differently
 */
public record ObjectChange(
    Action action, ObjectRef ref, HasMetadata desired, HasMetadata live, List<String> fields) {
  /** The four outcomes of comparing desired with live. */
  public enum Action {
    CREATE,
    UPDATE,
    DELETE,
    UNCHANGED
  }

  public ObjectChange {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  boolean writes() {
    return action == Action.CREATE || action == Action.UPDATE;
  }
}
