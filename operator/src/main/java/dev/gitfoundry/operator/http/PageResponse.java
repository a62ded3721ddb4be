package dev.gitfoundry.operator.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One status-page answer: HTML or JSON by the {@code Accept} header, with the caching a page that
 * changes while apps come up needs: an ETag and {@code Cache-Control: no-cache}, so a browser or a
 * refresh asks every time and gets {@code 304 Not Modified} while nothing changed. Errors are never
 * cached. Security headers on every answer; HEAD sends the headers only.
 */
final class PageResponse {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final String HTML = "text/html; charset=utf-8";
  private static final String JSON_TYPE = "application/json";

  private final HttpExchange exchange;
  private final boolean json;

  PageResponse(HttpExchange exchange) {
    this.exchange = exchange;
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    this.json = accept != null && accept.contains(JSON_TYPE);
  }

  /** 200 with the page as JSON ({@code data} as it is) or as the rendered HTML. */
  void page(Object data, Supplier<String> html) throws IOException {
    String body = json ? JSON.writeValueAsString(data) + "\n" : html.get();
    String etag = "\"" + digest(body) + "\"";
    Headers headers = exchange.getResponseHeaders();
    headers.set("ETag", etag);
    headers.set("Cache-Control", "no-cache");
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      common(headers);
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    send(200, body);
  }

  void redirect(int status, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    send(status, "");
  }

  void problem(int status, String message) throws IOException {
    problem(status, message, null, false);
  }

  /**
   * An error in the caller's format; {@code index} links to the source's page when set. With {@code
   * awaited}, the HTML keeps asking like a pending page: a commit status can reach the forge a
   * moment before the source's status records its commit, and a push is on the forge before it is
   * fetched, so a link opened early turns into the commit's page by itself.
   */
  void problem(int status, String message, String index, boolean awaited) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    String body;
    if (json) {
      body = JSON.writeValueAsString(Map.of("status", status, "message", message)) + "\n";
    } else {
      String main =
          "<section class=\"card hero failure\"><h1>"
              + (status == 404 ? "Not found" : "HTTP " + status)
              + "</h1><p>"
              + Html.escape(message)
              + "</p>"
              + (index == null
                  ? ""
                  : "<p>" + Html.link(index, "Recent commits of this source", null) + "</p>")
              + "</section>";
      body =
          PageLayout.page(
              (status == 404 ? "Not found" : "HTTP " + status) + " · Gitfoundry",
              "",
              main,
              awaited);
    }
    send(status, body);
  }

  private void send(int status, String body) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    common(headers);
    headers.set("Content-Type", json ? JSON_TYPE : HTML);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if ("HEAD".equals(exchange.getRequestMethod()) || bytes.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void common(Headers headers) {
    headers.set("Vary", "Accept");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Content-Security-Policy", PageLayout.CONTENT_SECURITY_POLICY);
  }

  private static String digest(String body) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
