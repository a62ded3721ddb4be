package dev.gitfoundry.operator.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.gitfoundry.operator.metrics.Buckets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code http_server_requests_seconds}: every request the operator's port answers, by method, route
 * template, status and outcome (as Spring and Micrometer name them). The JDK server has no
 * instrumentation of its own, so each context gets this filter with its routes.
 */
final class HttpServerMetrics {
  static final String REQUESTS = "http.server.requests";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final MeterRegistry registry;

  HttpServerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Filter filter(RouteTemplate routes) {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long started = System.nanoTime();
        try {
          chain.doFilter(exchange);
        } finally {
          // No answer: the handler threw, and the server cut the connection.
          int answered = exchange.getResponseCode();
          record(
              exchange,
              routes,
              answered > 0 ? answered : 500,
              Duration.ofNanos(System.nanoTime() - started));
        }
      }

      @Override
      public String description() {
        return "http.server.requests";
      }
    };
  }

  private void record(HttpExchange exchange, RouteTemplate routes, int status, Duration took) {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    Timer.builder(REQUESTS)
        .description("HTTP requests the operator answered, by route template.")
        .serviceLevelObjectives(Buckets.durations())
        .tags(
            Tags.of(
                "method",
                METHODS.contains(method) ? method : "other",
                "uri",
                routes.match(exchange.getRequestURI().getPath()),
                "status",
                status >= 100 && status < 600 ? Integer.toString(status) : "UNKNOWN",
                "outcome",
                outcome(status)))
        .register(registry)
        .record(took);
  }

  private static String outcome(int status) {
    return switch (status / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }
}
