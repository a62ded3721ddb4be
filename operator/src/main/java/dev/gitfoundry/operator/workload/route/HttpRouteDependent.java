package dev.gitfoundry.operator.workload.route;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import dev.gitfoundry.operator.workload.app.AppNames;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Gateway API HTTPRoute of an HTTP route (GATEWAY mode), with weighted backends. */
final class HttpRouteDependent extends GenericKubernetesDependentResource<CFRoute>
    implements Creator<GenericKubernetesResource, CFRoute>,
        Updater<GenericKubernetesResource, CFRoute>,
        GarbageCollected<CFRoute> {
  static final GroupVersionKind GVK =
      new GroupVersionKind("gateway.networking.k8s.io", "v1", "HTTPRoute");

  private final String gatewayNamespace;
  private final String gatewayName;

  /**
   * @param gateway the parent Gateway, {@code namespace/name}
   */
  HttpRouteDependent(String gateway) {
    super(GVK);
    String[] parts = gateway.split("/", 2);
    this.gatewayNamespace = parts.length == 2 ? parts[0] : null;
    this.gatewayName = parts.length == 2 ? parts[1] : parts[0];
  }

  @Override
  protected GenericKubernetesResource desired(CFRoute route, Context<CFRoute> context) {
    var spec = route.getSpec();
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("name", gatewayName);
    if (gatewayNamespace != null) {
      parent.put("namespace", gatewayNamespace);
    }
    String path = RouteUrls.path(spec);
    Map<String, Object> match =
        Map.of("path", Map.of("type", "PathPrefix", "value", path.isEmpty() ? "/" : path));
    List<Map<String, Object>> backends = new ArrayList<>();
    for (RouteDestination destination : spec.getDestinations()) {
      Map<String, Object> backend = new LinkedHashMap<>();
      backend.put("name", AppNames.service(destination.getAppName()));
      backend.put("port", AppNames.PORT);
      if (destination.getWeight() != null) {
        backend.put("weight", destination.getWeight());
      }
      backends.add(backend);
    }
    Map<String, Object> httpRouteSpec = new LinkedHashMap<>();
    httpRouteSpec.put("parentRefs", List.of(parent));
    httpRouteSpec.put("hostnames", List.of(RouteUrls.hostname(spec)));
    httpRouteSpec.put("rules", List.of(Map.of("matches", List.of(match), "backendRefs", backends)));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(GVK.apiVersion())
        .withKind(GVK.getKind())
        .withNewMetadata()
        .withName(route.getMetadata().getName())
        .withNamespace(route.getMetadata().getNamespace())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", httpRouteSpec))
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(CFRoute route, Context<CFRoute> context) {
    return ResourceID.fromResource(route);
  }
}
