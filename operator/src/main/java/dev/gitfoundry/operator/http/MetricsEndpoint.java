package dev.gitfoundry.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gitfoundry.operator.metrics.OperatorMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** {@code GET /metrics}: the operator's meters in the Prometheus text format (or OpenMetrics). */
final class MetricsEndpoint implements HttpHandler {
  private final OperatorMetrics metrics;

  MetricsEndpoint(OperatorMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
        Responses.send(exchange, 404, "text/plain", "not found\n");
        return;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      String contentType = metrics.scrape(exchange.getRequestHeaders().getFirst("Accept"), body);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    }
  }
}
