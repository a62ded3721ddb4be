package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import java.util.List;

/**
 * What delivering one revision into one scope changes: per object, create, update (with the fields
 * that differ), delete or nothing. It drives the dry-run, the apply and the prune, and is what
 * people are shown (status page, pull-request comment, {@code gitfoundry diff}).
 */
public record Plan(List<ObjectChange> changes) {
  public Plan {
    changes = List.copyOf(changes);
  }

  public List<ObjectChange> writes() {
    return changes.stream().filter(ObjectChange::writes).toList();
  }

  public List<ObjectChange> deletes() {
    return changes.stream().filter(c -> c.action() == ObjectChange.Action.DELETE).toList();
  }

  public long unchanged() {
    return changes.stream().filter(c -> c.action() == ObjectChange.Action.UNCHANGED).count();
  }

  /** The objects the scope holds once the plan is carried out. */
  public List<InventoryEntry> inventory() {
    return ObjectRef.inventory(
        changes.stream()
            .filter(c -> c.action() != ObjectChange.Action.DELETE)
            .map(ObjectChange::ref)
            .toList());
  }

  public boolean changesNothing() {
    return writes().isEmpty() && deletes().isEmpty();
  }
}
