package dev.gitfoundry.operator.http;

import com.sun.net.httpserver.HttpServer;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.webhook.JdkWebhookHttpHandler;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operator's one HTTP port: health ({@code /healthz}, {@code /readyz}), Prometheus ({@code
 * /metrics}), forge webhooks ({@code /hooks/gitea}, {@code /hooks/github}) and the commit status
 * pages ({@code /status/...}).
 */
public final class OperatorHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final InformerStatusReads statusReads;

  public OperatorHttpServer(
      InetSocketAddress address,
      KubernetesClient client,
      WebhookHandler webhooks,
      RepositoryMetrics metrics,
      BooleanSupplier ready,
      BooleanSupplier leading)
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
    server.createContext(
        "/healthz", exchange -> Responses.send(exchange, 200, "text/plain", "ok\n"));
    server.createContext(
        "/readyz",
        exchange ->
            Responses.send(
                exchange,
                ready.getAsBoolean() ? 200 : 503,
                "text/plain",
                ready.getAsBoolean() ? "ready\n" : "starting\n"));
    server.createContext("/metrics", new PrometheusMetrics(metrics, leading));
    server.createContext("/hooks/", new JdkWebhookHttpHandler(webhooks));
    statusReads = new InformerStatusReads(client);
    server.createContext("/status/", StatusPage.fromInformers(statusReads));
  }

  /** Lets later features (the CF API) mount their handlers on the same port. */
  public void mount(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
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
