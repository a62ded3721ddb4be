package dev.gitfoundry.operator.delivery;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** {@link ClusterWriter} on the Kubernetes API. */
public final class KubernetesClusterWriter implements ClusterWriter {
  private final KubernetesClient client;

  public KubernetesClusterWriter(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void apply(HasMetadata object, String fieldManager, boolean dryRun) {
    var resource = client.resource(object);
    (dryRun ? resource.dryRun() : resource)
        .fieldManager(fieldManager)
        .forceConflicts()
        .serverSideApply();
  }

  @Override
  public void delete(ObjectRef ref) {
    var resources = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
    (ref.namespace() == null ? resources : resources.inNamespace(ref.namespace()))
        .withName(ref.name())
        .delete();
  }

  @Override
  public Optional<Namespace> namespace(String name) {
    return Optional.ofNullable(client.namespaces().withName(name).get());
  }

  @Override
  public void create(Namespace namespace) {
    client.resource(namespace).create();
  }
}
