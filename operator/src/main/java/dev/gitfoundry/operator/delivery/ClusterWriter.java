package dev.gitfoundry.operator.delivery;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.Optional;

/** The writes a delivery makes, so that each stage can be tested with a fake cluster. */
public interface ClusterWriter {
  /**
   * Server-side applies {@code object} with {@code fieldManager}, taking over conflicting fields.
   *
   * @param dryRun when true, the API server runs admission and validation but stores nothing
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API refuses or fails
   */
  void apply(HasMetadata object, String fieldManager, boolean dryRun);

  /** Deletes the object; one that is already gone is not an error. */
  void delete(ObjectRef ref);

  /** The namespace as the API server has it now (not from a cache). */
  Optional<Namespace> namespace(String name);

  /** Creates a namespace; fails if it exists. */
  void create(Namespace namespace);
}
