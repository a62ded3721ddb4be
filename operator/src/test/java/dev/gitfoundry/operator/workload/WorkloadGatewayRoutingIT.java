package dev.gitfoundry.operator.workload;

import static dev.gitfoundry.operator.workload.WorkloadTestSupport.await;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.awaitReady;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.create;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.get;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.config.RoutingMode;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.javaoperatorsdk.operator.Operator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Gateway mode, first without the Gateway API CRDs, then with a minimal HTTPRoute CRD. */
class WorkloadGatewayRoutingIT {
  private static final OperatorConfig GATEWAY =
      OperatorConfig.defaults().withRoutingMode(RoutingMode.GATEWAY, "gateways/public", null);

  @Test
  void httpRoutesNeedTheGatewayApiAndCarryWeightedBackends() {
    KubeCluster cluster = KubeCluster.shared();
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("gateway");

    Operator withoutCrds = WorkloadTestSupport.startOperator(cluster, GATEWAY);
    try {
      create(client, route(ns, "before", "before", "gw.example.com", null, "web"));
      awaitReady(
          cluster,
          () -> get(client, CFRoute.class, ns, "before"),
          "False",
          "GatewayAPIUnavailable");
    } finally {
      withoutCrds.stop();
    }

    installMinimalHttpRouteCrd(client);
    Operator withCrds = WorkloadTestSupport.startOperator(cluster, GATEWAY);
    try {
      CFRoute split = route(ns, "split", "shop", "gw.example.com", "/cart", "blue", "green");
      split.getSpec().getDestinations().get(0).setWeight(80);
      split.getSpec().getDestinations().get(1).setWeight(20);
      create(client, split);

      awaitReady(cluster, () -> get(client, CFRoute.class, ns, "split"), "True", "Routed");
      var httpRoutes =
          client.genericKubernetesResources(
              new ResourceDefinitionContext.Builder()
                  .withGroup("gateway.networking.k8s.io")
                  .withVersion("v1")
                  .withKind("HTTPRoute")
                  .withPlural("httproutes")
                  .withNamespaced(true)
                  .build());
      GenericKubernetesResource httpRoute = httpRoutes.inNamespace(ns).withName("split").get();
      @SuppressWarnings("unchecked")
      Map<String, Object> spec =
          (Map<String, Object>) httpRoute.getAdditionalProperties().get("spec");
      assertThat(spec.get("hostnames")).isEqualTo(List.of("shop.gw.example.com"));
      assertThat(spec.get("parentRefs"))
          .isEqualTo(List.of(Map.of("name", "public", "namespace", "gateways")));
      @SuppressWarnings("unchecked")
      Map<String, Object> rule = ((List<Map<String, Object>>) spec.get("rules")).get(0);
      assertThat(rule.get("matches"))
          .isEqualTo(List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/cart"))));
      assertThat(rule.get("backendRefs"))
          .isEqualTo(
              List.of(
                  Map.of("name", "blue", "port", 8080, "weight", 80),
                  Map.of("name", "green", "port", 8080, "weight", 20)));

      // The route created before the API existed is served now too.
      client
          .resources(CFRoute.class)
          .inNamespace(ns)
          .withName("before")
          .edit(
              r -> {
                r.getMetadata().setAnnotations(Map.of("touch", "1"));
                return r;
              });
      await(
          "HTTPRoute for the earlier route",
          () -> httpRoutes.inNamespace(ns).withName("before").get() != null);
    } finally {
      withCrds.stop();
    }
  }

  private static void installMinimalHttpRouteCrd(KubernetesClient client) {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("httproutes.gateway.networking.k8s.io")
            // *.k8s.io groups are protected; a test stand-in declares itself unapproved.
            .addToAnnotations("api-approved.kubernetes.io", "unapproved, test stand-in")
            .endMetadata()
            .withNewSpec()
            .withGroup("gateway.networking.k8s.io")
            .withScope("Namespaced")
            .withNewNames()
            .withKind("HTTPRoute")
            .withListKind("HTTPRouteList")
            .withPlural("httproutes")
            .withSingular("httproute")
            .endNames()
            .addNewVersion()
            .withName("v1")
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withNewOpenAPIV3Schema()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema()
            .endSchema()
            .endVersion()
            .endSpec()
            .build();
    client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
            60,
            TimeUnit.SECONDS);
  }
}
