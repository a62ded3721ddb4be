package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDNoGCKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.function.Function;

/**
 * The Namespace of an org or space. A namespaced resource cannot own a Namespace, so it is not
 * garbage collected: the reconciler's cleaner deletes it. An existing Namespace (the applier
 * creates space Namespaces first) is adopted by server-side apply rather than treated as a
 * conflict.
 */
final class TenantNamespaceDependent<P extends HasMetadata>
    extends CRUDNoGCKubernetesDependentResource<Namespace, P> {
  private final Function<P, Tenant> tenant;

  TenantNamespaceDependent(Function<P, Tenant> tenant) {
    super(Namespace.class);
    this.tenant = tenant;
    configureWith(
        new KubernetesDependentResourceConfigBuilder<Namespace>()
            .withCreateResourceOnlyIfNotExistingWithSSA(false)
            .withKubernetesDependentInformerConfig(
                InformerConfiguration.builder(Namespace.class)
                    .withWatchAllNamespaces()
                    .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE)
                    .build())
            .build());
  }

  @Override
  protected Namespace desired(P primary, Context<P> context) {
    Tenant t = tenant.apply(primary);
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(t.namespace())
        .addToLabels(t.labels())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToAnnotations(WorkloadLabels.OWNER, WorkloadLabels.ownerValue(primary))
        .endMetadata()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(P primary, Context<P> context) {
    return new ResourceID(tenant.apply(primary).namespace());
  }
}
