package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP face of the CF API: authenticates, refuses writes, routes reads, and turns every failure
 * into the V3 error envelope the cf CLI understands.
 */
final class CfApiHandler implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(CfApiHandler.class.getName());

  private final Router router;
  private final Authenticator authenticator;
  private final WriteRefusal writes;
  private final String fallbackBaseUrl;
  private final Runnable awaitCaches;

  CfApiHandler(
      Router router,
      Authenticator authenticator,
      WriteRefusal writes,
      String fallbackBaseUrl,
      Runnable awaitCaches) {
    this.router = router;
    this.authenticator = authenticator;
    this.writes = writes;
    this.fallbackBaseUrl = fallbackBaseUrl;
    this.awaitCaches = awaitCaches;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      drain(exchange.getRequestBody());
      CfRequest request = CfRequest.from(exchange, fallbackBaseUrl);
      try {
        Router.Match match = router.match(request.segments).orElse(null);
        JsonNode body =
            answer(request, match, exchange.getRequestHeaders().getFirst("Authorization"));
        send(exchange, 200, body, match == null ? Router.JSON : match.mediaType());
      } catch (CfError error) {
        send(exchange, error.status, envelope(error));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "CF API request failed: " + request.method + " " + request.path, e);
        send(
            exchange,
            500,
            envelope(new CfError(500, 10001, "UnknownError", "An unknown error occurred.")));
      }
    }
  }

  private JsonNode answer(CfRequest request, Router.Match found, String authorization) {
    Optional<Router.Match> match = Optional.ofNullable(found);
    boolean isPublic =
        request.isRead() && match.map(m -> m.access() == Router.Access.PUBLIC).orElse(false);
    if (isPublic) {
      return match.get().endpoint().answer(request, match.get().parameters());
    }
    request.caller = authenticator.authenticate(authorization);
    if (!request.isRead()) {
      throw writes.refuse(request);
    }
    Router.Match route = match.orElseThrow(CfError::unknownRequest);
    awaitCaches.run();
    return route.endpoint().answer(request, route.parameters());
  }

  static ObjectNode envelope(CfError error) {
    ObjectNode body = CfJson.object();
    ObjectNode entry = body.putArray("errors").addObject();
    entry.put("code", error.code);
    entry.put("title", error.title);
    entry.put("detail", error.detail());
    return body;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    send(exchange, status, body, Router.JSON);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body, String mediaType)
      throws IOException {
    boolean text = !Router.JSON.equals(mediaType) && body.isTextual();
    byte[] bytes =
        text
            ? body.asText().getBytes(StandardCharsets.UTF_8)
            : CfJson.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", text ? mediaType : Router.JSON);
    if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void drain(InputStream body) throws IOException {
    body.transferTo(OutputStream.nullOutputStream());
  }
}
