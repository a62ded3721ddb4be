package dev.gitfoundry.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JOSDK's {@link MicrometerMetrics}, one instance per controller, each tagged {@code
 * controller=<name>}. JOSDK 5.2 tags its reconciliation and event counters by resource kind only,
 * so the two controllers of GitSource (the branch and its previews) would add up; and it names two
 * gauges after the controller ({@code ...executions.<name>}, {@code ...queue.size.<name>}), which
 * become one family each with the controller as a label. Resources are never labels (no
 * per-resource metrics): a thousand CFApps stay one series per controller.
 */
final class ControllerMetrics implements Metrics {
  static final String CONTROLLER = "controller";
  private static final String EXECUTIONS = "operator.sdk.reconciliations.executions";
  private static final String QUEUE_SIZE = "operator.sdk.reconciliations.queue.size";

  private final MeterRegistry registry;
  private final Map<String, MicrometerMetrics> controllers = new ConcurrentHashMap<>();
  private final MicrometerMetrics shared;

  /** Whether the reconcile running on this thread was reported started. */
  private final ThreadLocal<Boolean> started = ThreadLocal.withInitial(() -> false);

  ControllerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.shared = MicrometerMetrics.withoutPerResourceMetrics(registry);
  }

  private Metrics of(String controller) {
    if (controller == null) {
      return Metrics.NOOP;
    }
    return controllers.computeIfAbsent(controller, this::create);
  }

  /** Writes through a registry that tags and renames, into the one registry that is scraped. */
  private MicrometerMetrics create(String controller) {
    CompositeMeterRegistry tagged = new CompositeMeterRegistry();
    tagged.config().commonTags(CONTROLLER, controller);
    tagged.config().meterFilter(nameWithout(controller));
    tagged.add(registry);
    return MicrometerMetrics.withoutPerResourceMetrics(tagged);
  }

  private static MeterFilter nameWithout(String controller) {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        for (String family : new String[] {EXECUTIONS, QUEUE_SIZE}) {
          if (id.getName().equals(family + "." + controller)) {
            return id.withName(family);
          }
        }
        return id;
      }
    };
  }

  private static String controllerIn(Map<String, Object> metadata) {
    return metadata == null ? null : (String) metadata.get(Constants.CONTROLLER_NAME);
  }

  @Override
  public void controllerRegistered(Controller<? extends HasMetadata> controller) {
    of(controller.getConfiguration().getName()).controllerRegistered(controller);
  }

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    of(controllerIn(metadata)).receivedEvent(event, metadata);
  }

  @Override
  public void reconcileCustomResource(
      HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
    of(controllerIn(metadata)).reconcileCustomResource(resource, retryInfo, metadata);
  }

  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    of(controllerIn(metadata)).failedReconciliation(resource, exception, metadata);
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    started.set(true);
    of(controllerIn(metadata)).reconciliationExecutionStarted(resource, metadata);
  }

  @Override
  public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
    Metrics controller = of(controllerIn(metadata));
    if (!started.get()) {
      // JOSDK 5.2 reports "finished" without "started" when a delete arrived before the reconcile
      // ran; "finished" takes one off both the executions gauge (which then went negative) and
      // the queue gauge (rightly). Starting it here keeps the first at zero and the second right.
      controller.reconciliationExecutionStarted(resource, metadata);
    }
    started.remove();
    controller.reconciliationExecutionFinished(resource, metadata);
  }

  @Override
  public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
    of(controllerIn(metadata)).cleanupDoneFor(resourceID, metadata);
  }

  @Override
  public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
    of(controllerIn(metadata)).finishedReconciliation(resource, metadata);
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    return of(execution.controllerName()).timeControllerExecution(execution);
  }

  @Override
  public <T extends Map<?, ?>> T monitorSizeOf(T map, String name) {
    return shared.monitorSizeOf(map, name);
  }
}
