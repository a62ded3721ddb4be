package dev.gitfoundry.operator.metrics;

import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.operator.delivery.DeliveryMetrics;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * Everything {@code /metrics} shows, in one Micrometer registry: the JVM and the process, JOSDK's
 * reconciliations per controller, the delivery stages, Git polling, the HTTP server and {@code
 * gitfoundry_leader}. One per operator, closed with it.
 */
public final class OperatorMetrics implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS_TEXT =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final ControllerMetrics controllers;
  private final DeliveryMetrics delivery;

  /**
   * @param git git-sync's counters, shown as the {@code gitfoundry_git_*} families
   * @param leading whether this replica holds the leader Lease ({@code gitfoundry_leader})
   */
  public OperatorMetrics(RepositoryMetrics git, BooleanSupplier leading) {
    // Filters first: they apply to meters registered after them only.
    registry.config().meterFilter(Buckets.forTimersNamed("operator.sdk."));
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("gitfoundry.leader", leading, l -> l.getAsBoolean() ? 1 : 0)
        .description("1 when this replica holds the leader Lease.")
        .strongReference(true)
        .register(registry);
    new GitMeters(git).bindTo(registry);
    controllers = new ControllerMetrics(registry);
    delivery = new MicrometerDeliveryMetrics(registry);
  }

  /** For {@code new Operator(o -> o.withMetrics(...))}. */
  public Metrics controllers() {
    return controllers;
  }

  /** For the delivery stages (compile, plan, dry-run, apply, prune, health). */
  public DeliveryMetrics delivery() {
    return delivery;
  }

  /** Where other parts (the HTTP server) register their meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Writes every meter in the format the {@code Accept} header asks for: OpenMetrics when it names
   * it, else the Prometheus text format.
   *
   * @return the content type written
   */
  public String scrape(String accept, OutputStream out) throws IOException {
    String contentType =
        accept != null && accept.contains("application/openmetrics-text")
            ? OPENMETRICS_TEXT
            : PROMETHEUS_TEXT;
    registry.scrape(out, contentType);
    return contentType;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
