package dev.gitfoundry.operator.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.gitfoundry.gitsync.webhook.JdkWebhookHttpHandler;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.operator.cache.ClusterCaches;
import dev.gitfoundry.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operator's public HTTP port: health ({@code /healthz}, {@code /readyz}), forge webhooks
 * ({@code /hooks/gitea}, {@code /hooks/github}), the commit status pages ({@code /status/...}) and
 * the CF API. Every request is counted by its route template; {@code /metrics} is served on a port
 * of its own ({@link MetricsHttpServer}).
 */
public final class OperatorHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final HttpServerMetrics requests;
  private final InformerStatusReads statusReads;

  public OperatorHttpServer(
      InetSocketAddress address,
      KubernetesClient client,
      WebhookHandler webhooks,
      OperatorMetrics metrics,
      ClusterCaches caches,
      BooleanSupplier ready)
      throws IOException {
    server = HttpServer.create(address, 0);
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "gitfoundry-http");
              thread.setDaemon(true);
              return thread;
            }));
    requests = new HttpServerMetrics(metrics.registry());
    mount(
        "/healthz",
        exchange -> Responses.send(exchange, 200, "text/plain", "ok\n"),
        RouteTemplate.of("/healthz"));
    mount(
        "/readyz",
        exchange ->
            Responses.send(
                exchange,
                ready.getAsBoolean() ? 200 : 503,
                "text/plain",
                ready.getAsBoolean() ? "ready\n" : "starting\n"),
        RouteTemplate.of("/readyz"));
    mount(
        "/hooks/",
        new JdkWebhookHttpHandler(webhooks),
        RouteTemplate.of("/hooks/gitea", "/hooks/github"));
    statusReads = new InformerStatusReads(caches);
    mount(
        "/status/",
        StatusPage.fromInformers(statusReads),
        RouteTemplate.of("/status/{namespace}/{source}", "/status/{namespace}/{source}/{sha}"));
  }

  /**
   * Lets later features (the CF API) mount their handlers on the same port.
   *
   * @param routes the paths {@code handler} serves, by which its requests are counted
   */
  public void mount(String path, HttpHandler handler, RouteTemplate routes) {
    server.createContext(path, handler).getFilters().add(requests.filter(routes));
  }

  public void start() {
    statusReads.start();
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    statusReads.close();
  }
}
