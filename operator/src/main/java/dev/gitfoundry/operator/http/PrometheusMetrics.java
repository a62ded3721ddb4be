package dev.gitfoundry.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gitfoundry.gitsync.RepositoryKey;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /metrics} in the Prometheus text format: per-repository Git traffic. */
final class PrometheusMetrics implements HttpHandler {
  private final RepositoryMetrics metrics;
  private final BooleanSupplier leading;

  PrometheusMetrics(RepositoryMetrics metrics, BooleanSupplier leading) {
    this.metrics = metrics;
    this.leading = leading;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# HELP gitfoundry_leader 1 when this replica holds the leader Lease.\n");
    out.append("# TYPE gitfoundry_leader gauge\n");
    out.append("gitfoundry_leader ").append(leading.getAsBoolean() ? 1 : 0).append('\n');
    Map<RepositoryKey, RepositoryMetrics.Reading> readings = metrics.readAll();
    counter(
        out,
        "gitfoundry_git_polls_total",
        "Polls of a repository branch.",
        readings,
        RepositoryMetrics.Reading::polls);
    counter(
        out,
        "gitfoundry_git_ls_remotes_total",
        "ls-remote requests.",
        readings,
        RepositoryMetrics.Reading::lsRemotes);
    counter(
        out,
        "gitfoundry_git_fetches_total",
        "Shallow fetches (the head moved).",
        readings,
        RepositoryMetrics.Reading::fetches);
    counter(
        out,
        "gitfoundry_git_fetched_bytes_total",
        "Bytes fetched.",
        readings,
        RepositoryMetrics.Reading::fetchedBytes);
    counter(
        out,
        "gitfoundry_git_failures_total",
        "Failed polls.",
        readings,
        RepositoryMetrics.Reading::failures);
    out.append(
        "# HELP gitfoundry_git_last_success_timestamp_seconds Time of the last successful poll.\n");
    out.append("# TYPE gitfoundry_git_last_success_timestamp_seconds gauge\n");
    readings.forEach(
        (key, reading) -> {
          if (reading.lastSuccess() != null) {
            out.append("gitfoundry_git_last_success_timestamp_seconds")
                .append(labels(key))
                .append(' ')
                .append(reading.lastSuccess().getEpochSecond())
                .append('\n');
          }
        });
    Responses.send(exchange, 200, "text/plain; version=0.0.4", out.toString());
  }

  private static void counter(
      StringBuilder out,
      String name,
      String help,
      Map<RepositoryKey, RepositoryMetrics.Reading> readings,
      java.util.function.ToLongFunction<RepositoryMetrics.Reading> value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    readings.forEach(
        (key, reading) ->
            out.append(name)
                .append(labels(key))
                .append(' ')
                .append(value.applyAsLong(reading))
                .append('\n'));
  }

  private static String labels(RepositoryKey key) {
    return "{repository=\""
        + key.repository().replace("\"", "")
        + "\",branch=\""
        + key.branch().replace("\"", "")
        + "\"}";
  }
}
