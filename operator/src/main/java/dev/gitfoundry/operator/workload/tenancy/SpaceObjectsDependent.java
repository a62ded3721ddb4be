package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Objects of one kind that a CFSpace keeps in its Namespace (the ResourceQuota, the LimitRange, the
 * NetworkPolicies): the desired ones are applied, the others of that kind and component deleted.
 * They live in another namespace than the CFSpace, so they point back at it by annotation rather
 * than by owner reference, as the role bindings do; the Namespace's deletion takes them along.
 */
final class SpaceObjectsDependent<R extends HasMetadata>
    extends KubernetesDependentResource<R, CFSpace>
    implements CRUDKubernetesBulkDependentResource<R, CFSpace> {
  private final Class<R> type;
  private final Function<CFSpace, List<R>> desired;

  SpaceObjectsDependent(Class<R> type, String component, Function<CFSpace, List<R>> desired) {
    super(type, "cfspace-" + component);
    this.type = type;
    this.desired = desired;
    configureWith(
        new KubernetesDependentResourceConfigBuilder<R>()
            .withKubernetesDependentInformerConfig(
                InformerConfiguration.builder(type)
                    .withName("cfspace-" + component)
                    .withWatchAllNamespaces()
                    .withLabelSelector(
                        Labels.MANAGED_BY
                            + "="
                            + Labels.MANAGED_BY_VALUE
                            + ","
                            + WorkloadLabels.COMPONENT
                            + "="
                            + component)
                    .build())
            .build());
  }

  @Override
  public Map<ResourceID, R> desiredResources(CFSpace space, Context<CFSpace> context) {
    Map<ResourceID, R> objects = new LinkedHashMap<>();
    desired.apply(space).forEach(o -> objects.put(ResourceID.fromResource(o), o));
    return objects;
  }

  @Override
  public Map<ResourceID, R> getSecondaryResources(CFSpace space, Context<CFSpace> context) {
    return context
        .getSecondaryResourcesAsStream(type)
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }
}
