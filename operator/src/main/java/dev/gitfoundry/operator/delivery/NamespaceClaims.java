package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.gitsync.ErrorKind;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Namespaces come first: nothing can be checked or written inside one that does not exist. A
 * namespace another owner holds is refused; one created by hand (no owner labels) is adopted only
 * by a scope that allows it; one still terminating makes the delivery wait. The namespaces this
 * step created are given back if a later check refuses the revision, so a refused revision leaves
 * nothing behind.
 */
final class NamespaceClaims {
  private final ClusterWriter writer;

  NamespaceClaims(ClusterWriter writer) {
    this.writer = writer;
  }

  /** Claims and writes the namespaces the plan creates or changes; returns those it created. */
  List<ObjectRef> claim(DeliveryScope scope, List<ObjectChange> changes) throws DeliveryException {
    List<ObjectRef> created = new ArrayList<>();
    try {
      for (ObjectChange change : changes) {
        if (!DeliveryOrder.isNamespace(change) || !change.writes()) {
          continue;
        }
        String name = change.ref().name();
        Optional<Namespace> existing =
            change.action() == ObjectChange.Action.CREATE
                ? writer.namespace(name)
                : Optional.of((Namespace) change.live());
        if (existing.isPresent()) {
          check(scope, existing.get());
        } else {
          created.add(change.ref());
        }
        try {
          writer.apply(change.desired(), scope.fieldManager(), false);
        } catch (KubernetesClientException e) {
          throw DeliveryException.of(change.ref(), e, false);
        }
      }
      return created;
    } catch (DeliveryException e) {
      release(created);
      throw e;
    }
  }

  /** Deletes namespaces {@link #claim} created, after a later check refused the revision. */
  void release(List<ObjectRef> created) {
    for (ObjectRef ref : created) {
      try {
        writer.delete(ref);
      } catch (KubernetesClientException e) {
        // Left for the next delivery's prune: the namespace carries the scope's owner labels.
      }
    }
  }

  private static void check(DeliveryScope scope, Namespace namespace) throws DeliveryException {
    ObjectRef ref = ObjectRef.of(namespace);
    Map<String, String> labels = namespace.getMetadata().getLabels();
    Optional<String> owner = Owner.of(labels);
    if (owner.isPresent() && !owner.get().equals(scope.owner())) {
      throw new DeliveryException(
          ErrorKind.INVALID_INPUT,
          "NamespaceTaken",
          ref,
          "namespace " + ref.name() + " belongs to " + owner.get() + "; nothing was written");
    }
    if (owner.isEmpty() && !scope.adoptsUnlabelledNamespaces()) {
      throw new DeliveryException(
          ErrorKind.INVALID_INPUT,
          "NamespaceTaken",
          ref,
          "namespace "
              + ref.name()
              + " exists and was not created by Gitfoundry; nothing was"
              + " written");
    }
    if (namespace.getMetadata().getDeletionTimestamp() != null) {
      throw new DeliveryException(
          ErrorKind.WAITING,
          "NamespaceTerminating",
          ref,
          "namespace " + ref.name() + " is still terminating");
    }
  }
}
