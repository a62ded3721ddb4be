package dev.gitfoundry.operator.http;

import com.sun.net.httpserver.HttpServer;
import dev.gitfoundry.operator.metrics.OperatorMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The operator's metrics port: {@code /metrics} and nothing else. It is apart from the public port
 * (CF API, webhooks, status pages) so that an Ingress or HTTPRoute in front of that port never
 * exposes the watched repositories, branches and sources the metrics name; Prometheus scrapes it
 * inside the cluster, as it scrapes controller-runtime operators.
 */
public final class MetricsHttpServer implements AutoCloseable {
  private final HttpServer server;

  public MetricsHttpServer(InetSocketAddress address, OperatorMetrics metrics) throws IOException {
    server = HttpServer.create(address, 0);
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "gitfoundry-metrics-http");
              thread.setDaemon(true);
              return thread;
            }));
    // MetricsEndpoint answers 404 for every path but /metrics.
    server.createContext("/", new MetricsEndpoint(metrics));
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
