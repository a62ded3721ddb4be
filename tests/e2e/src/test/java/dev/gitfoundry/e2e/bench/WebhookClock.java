package dev.gitfoundry.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A second webhook receiver on the repository that does nothing but note when Gitea delivered each
 * push (by its {@code after} sha): the floor of push → {@code pending}, since the operator cannot
 * start before the forge tells it.
 */
final class WebhookClock implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  WebhookClock() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          long now = System.nanoTime();
          try (InputStream body = exchange.getRequestBody()) {
            JsonNode payload = JSON.readTree(body);
            String after = payload.path("after").asText("");
            if (!after.isEmpty()) {
              arrivals.putIfAbsent(after, now);
            }
          } catch (IOException e) {
            // not a push payload
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** {@link System#nanoTime()} when the push of {@code sha} arrived. */
  long awaitArrival(String sha, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Long arrival = arrivals.get(sha);
      if (arrival != null) {
        return arrival;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no webhook for " + sha + " within " + timeout);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
