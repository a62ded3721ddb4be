package dev.gitfoundry.gitsync.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mounts a {@link WebhookHandler} in a JDK {@code HttpServer}, e.g. {@code
 * server.createContext("/hooks/", new JdkWebhookHttpHandler(handler))}. Reads at most one byte more
 * than the payload cap, so an oversized body costs bounded memory.
 */
public final class JdkWebhookHttpHandler implements HttpHandler {
  private final WebhookHandler handler;

  public JdkWebhookHttpHandler(WebhookHandler handler) {
    this.handler = handler;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readCapped(exchange.getRequestBody(), handler.maxPayloadBytes() + 1);
      Map<String, String> headers = new HashMap<>();
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!header.getValue().isEmpty()) {
          headers.put(header.getKey(), header.getValue().get(0));
        }
      }
      WebhookResponse response =
          handler.handle(
              new WebhookRequest(
                  exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
      byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(response.status(), out.length);
      exchange.getResponseBody().write(out);
    }
  }

  private static byte[] readCapped(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }
}
