package dev.gitfoundry.operator.cfapi;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CF API request: method, path segments, query, the base URL links are built from, and (once
 * authenticated) the caller.
 */
final class CfRequest {
  final String method;
  final String path;
  final List<String> segments;
  final Map<String, String> query;
  final String baseUrl;
  Identity caller;

  CfRequest(String method, String path, Map<String, String> query, String baseUrl) {
    this.method = method;
    this.path =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.segments = List.of(this.path.substring(1).split("/", -1));
    this.query = query;
    this.baseUrl = baseUrl;
  }

  static CfRequest from(HttpExchange exchange, String fallbackBaseUrl) {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    return new CfRequest(
        exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
        exchange.getRequestURI().getPath(),
        parseQuery(rawQuery),
        baseUrl(exchange, fallbackBaseUrl));
  }

  /**
   * Links must point where the caller reached us (the CLI follows {@code next} verbatim), so the
   * Host header wins over the configured public URL.
   */
  private static String baseUrl(HttpExchange exchange, String fallback) {
    String host = exchange.getRequestHeaders().getFirst("X-Forwarded-Host");
    if (host == null) {
      host = exchange.getRequestHeaders().getFirst("Host");
    }
    if (host == null || host.isBlank()) {
      return fallback;
    }
    String scheme = exchange.getRequestHeaders().getFirst("X-Forwarded-Proto");
    return (scheme == null ? "http" : scheme) + "://" + host;
  }

  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      query.merge(key, value, (a, b) -> a + "," + b);
    }
    return query;
  }

  /**
   * A comma list (OR). The CLI escapes commas inside one value as {@code %2C} before encoding, so
   * each item is unescaped once more after splitting.
   */
  List<String> list(String key) {
    String value = query.get(key);
    if (value == null) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      items.add(decode(item));
    }
    return items;
  }

  String segment(int index) {
    return index < segments.size() ? segments.get(index) : null;
  }

  boolean isRead() {
    return method.equals("GET") || method.equals("HEAD");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
