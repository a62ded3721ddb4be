package dev.gitfoundry.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.webhook.PullRequestEvent;
import dev.gitfoundry.gitsync.webhook.PushEvent;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.gitsync.webhook.WebhookListener;
import dev.gitfoundry.gitsync.webhook.WebhookTarget;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import dev.gitfoundry.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as a scraper of the metrics port sees it after some traffic on the public port:
 * requests counted by route template and status, never by raw path; the public port itself does not
 * serve it.
 */
class OperatorHttpServerMetricsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final OperatorMetrics metrics = new OperatorMetrics(new RepositoryMetrics(), () -> true);
  // No request here reaches the API server; the status pages' informers fail at once in the
  // background.
  private final KubernetesClient client =
      new KubernetesClientBuilder()
          .withConfig(new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:1").build())
          .build();
  private OperatorHttpServer server;
  private MetricsHttpServer metricsServer;

  @BeforeEach
  void start() throws Exception {
    WebhookListener ignore =
        new WebhookListener() {
          @Override
          public void onPush(PushEvent event, List<WebhookTarget> targets) {}

          @Override
          public void onPullRequest(PullRequestEvent event, List<WebhookTarget> targets) {}
        };
    server =
        new OperatorHttpServer(
            new InetSocketAddress("127.0.0.1", 0),
            client,
            new WebhookHandler(new WebhookTargets(), ignore),
            metrics,
            new dev.gitfoundry.operator.cache.ClusterCaches(client),
            () -> true);
    server.mount(
        "/",
        exchange -> {
          try (exchange) {
            exchange.sendResponseHeaders(
                exchange.getRequestURI().getPath().equals("/") ? 200 : 404, -1);
          }
        },
        CfApiRoutes.ROUTES);
    server.start();
    metricsServer = new MetricsHttpServer(new InetSocketAddress("127.0.0.1", 0), metrics);
    metricsServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
    metricsServer.close();
    client.close();
    metrics.close();
  }

  @Test
  void requestsAreCountedByRouteTemplateAndStatus() throws Exception {
    get("/healthz");
    get("/healthz");
    get("/status/team/manifests/0123abcd/more"); // not a status page: 404
    get("/v3/apps/5f0c1d2e-guid");
    get("/v3/apps/5f0c1d2e-guid/processes/web/stats");
    get("/secret-probe/5f0c1d2e");
    post("/hooks/gitea"); // unsigned: refused

    String text = scrape("/metrics").body();

    assertThat(requests(text))
        .contains(
            "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/healthz\"} 2",
            "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"UNMATCHED\"} 2",
            "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/v3/apps/{guid}\"} 1",
            "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                + "uri=\"/v3/apps/{guid}/processes/{type}/stats\"} 1")
        .anyMatch(
            l ->
                l.startsWith("method=\"POST\",outcome=\"CLIENT_ERROR\",")
                    && l.contains("uri=\"/hooks/gitea\"} 1"));
    assertThat(text).doesNotContain("5f0c1d2e", "secret-probe", "team/manifests", "0123abcd");
  }

  @Test
  void metricsAreServedOnTheMetricsPortOnly() throws Exception {
    assertThat(metricsServer.port()).isNotEqualTo(server.port());
    assertThat(get("/metrics").statusCode()).as("/metrics on the public port").isEqualTo(404);
    assertThat(scrape("/metrics").statusCode()).isEqualTo(200);
    assertThat(scrape("/healthz").statusCode())
        .as("only /metrics on the metrics port")
        .isEqualTo(404);
    assertThat(scrape("/status/team/manifests").statusCode()).isEqualTo(404);
  }

  @Test
  void metricsAreServedInThePrometheusTextFormat() throws Exception {
    HttpResponse<String> response = scrape("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("# TYPE gitfoundry_leader gauge", "gitfoundry_leader 1.0");
    assertThat(scrape("/metrics/other").statusCode()).isEqualTo(404);
  }

  /** The count lines of http_server_requests_seconds, labels and value only. */
  private static List<String> requests(String text) {
    String prefix = "http_server_requests_seconds_count{";
    return Arrays.stream(text.split("\n"))
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()))
        .toList();
  }

  /** A GET on the public port. */
  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET on the metrics port. */
  private HttpResponse<String> scrape(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsServer.port() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void post(String path) throws Exception {
    http.send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
