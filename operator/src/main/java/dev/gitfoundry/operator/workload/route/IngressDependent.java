package dev.gitfoundry.operator.workload.route;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.operator.workload.app.AppNames;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The Ingress of an HTTP route (INGRESS mode). An Ingress path has one backend, so only the first
 * destination receives traffic; the reconciler says so in the route's condition.
 */
final class IngressDependent extends CRUDKubernetesDependentResource<Ingress, CFRoute> {
  private final String ingressClassName;

  IngressDependent(String ingressClassName) {
    super(Ingress.class);
    this.ingressClassName = ingressClassName;
  }

  @Override
  protected Ingress desired(CFRoute route, Context<CFRoute> context) {
    var spec = route.getSpec();
    String path = RouteUrls.path(spec);
    String host = RouteUrls.hostname(spec);
    String app = spec.getDestinations().get(0).getAppName();
    return new IngressBuilder()
        .withNewMetadata()
        .withName(route.getMetadata().getName())
        .withNamespace(route.getMetadata().getNamespace())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .endMetadata()
        .withNewSpec()
        .withIngressClassName(ingressClassName)
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .addNewPath()
        .withPath(path.isEmpty() ? "/" : path)
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(AppNames.service(app))
        .withNewPort()
        .withNumber(AppNames.PORT)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(CFRoute route, Context<CFRoute> context) {
    return ResourceID.fromResource(route);
  }
}
