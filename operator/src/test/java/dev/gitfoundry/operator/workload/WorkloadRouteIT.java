package dev.gitfoundry.operator.workload;

import static dev.gitfoundry.operator.workload.WorkloadTestSupport.await;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.awaitReady;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.create;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.dockerApp;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.get;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.process;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.config.RoutingMode;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkloadRouteIT {
  private static KubeCluster cluster;
  private static KubernetesClient client;
  private static Operator operator;

  @BeforeAll
  static void startOperator() {
    cluster = KubeCluster.shared();
    client = cluster.client();
    OperatorConfig config =
        OperatorConfig.defaults().withRoutingMode(RoutingMode.INGRESS, null, "gitfoundry-test");
    operator = WorkloadTestSupport.startOperator(cluster, config);
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void routeBecomesAnIngressAndTheAppsUrl() {
    String ns = cluster.createNamespace("route");
    create(client, dockerApp(ns, "web", process("web", 1)));
    create(client, route(ns, "www-shop", "www", "apps.example.com", "/shop", "web"));

    CFRoute routed =
        awaitReady(cluster, () -> get(client, CFRoute.class, ns, "www-shop"), "True", "Routed");
    assertThat(routed.getStatus().getUrl()).isEqualTo("http://www.apps.example.com/shop");

    Ingress ingress = client.network().v1().ingresses().inNamespace(ns).withName("www-shop").get();
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("gitfoundry-test");
    var rule = ingress.getSpec().getRules().get(0);
    assertThat(rule.getHost()).isEqualTo("www.apps.example.com");
    HTTPIngressPath path = rule.getHttp().getPaths().get(0);
    assertThat(path.getPath()).isEqualTo("/shop");
    assertThat(path.getPathType()).isEqualTo("Prefix");
    assertThat(path.getBackend().getService().getName()).isEqualTo("web");
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8080);

    await(
        "CFApp web to list the route's URL",
        () -> {
          CFApp app = get(client, CFApp.class, ns, "web");
          return app.getStatus() != null
              && app.getStatus().getUrls() != null
              && app.getStatus().getUrls().contains("http://www.apps.example.com/shop");
        });
    await(
        "VCAP_APPLICATION to carry the route",
        () -> {
          var secret = client.secrets().inNamespace(ns).withName("web-runtime").get();
          return secret != null
              && new String(
                      Base64.getDecoder().decode(secret.getData().get("VCAP_APPLICATION")),
                      StandardCharsets.UTF_8)
                  .contains("\"www.apps.example.com/shop\"");
        });
  }

  @Test
  void routeWithSeveralDestinationsSaysWeightsAreIgnored() {
    String ns = cluster.createNamespace("weights");
    create(client, route(ns, "blue-green", "bg", "apps.example.com", null, "blue", "green"));

    CFRoute routed =
        awaitReady(cluster, () -> get(client, CFRoute.class, ns, "blue-green"), "True", "Routed");
    assertThat(WorkloadTestSupport.ready(routed).orElseThrow().getMessage())
        .contains("routed to blue only")
        .contains("weights");
    Ingress ingress =
        client.network().v1().ingresses().inNamespace(ns).withName("blue-green").get();
    assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getPath())
        .isEqualTo("/");
  }

  @Test
  void sameHostAndPathInTwoSpacesIsAConflictOnBoth() {
    String first = cluster.createNamespace("claim-a");
    String second = cluster.createNamespace("claim-b");
    create(client, route(first, "shop", "shop", "conflict.example.com", null, "web"));
    awaitReady(cluster, () -> get(client, CFRoute.class, first, "shop"), "True", "Routed");

    create(client, route(second, "shop", "shop", "conflict.example.com", null, "web"));

    CFRoute a =
        awaitReady(
            cluster, () -> get(client, CFRoute.class, first, "shop"), "False", "RouteConflict");
    CFRoute b =
        awaitReady(
            cluster, () -> get(client, CFRoute.class, second, "shop"), "False", "RouteConflict");
    assertThat(WorkloadTestSupport.ready(a).orElseThrow().getMessage()).contains(second + "/shop");
    assertThat(WorkloadTestSupport.ready(b).orElseThrow().getMessage()).contains(first + "/shop");
    assertThat(client.network().v1().ingresses().inNamespace(second).withName("shop").get())
        .isNull();

    client.resources(CFRoute.class).inNamespace(second).withName("shop").delete();
    awaitReady(cluster, () -> get(client, CFRoute.class, first, "shop"), "True", "Routed");
  }

  @Test
  void tcpRouteIsReportedAsUnsupported() {
    String ns = cluster.createNamespace("tcp");
    CFRoute tcp = route(ns, "tcp-1024", null, "tcp.example.com", null, "db");
    tcp.getSpec().setProtocol("tcp");
    tcp.getSpec().setPort(1024);
    create(client, tcp);

    awaitReady(
        cluster,
        () -> get(client, CFRoute.class, ns, "tcp-1024"),
        "False",
        "TCPRoutingUnsupported");
  }
}
