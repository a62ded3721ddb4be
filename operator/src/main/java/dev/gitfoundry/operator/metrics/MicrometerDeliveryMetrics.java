package dev.gitfoundry.operator.metrics;

import dev.gitfoundry.operator.delivery.DeliveryMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code gitfoundry_delivery_stage_duration_seconds} (a histogram per stage, kind and source) and
 * {@code gitfoundry_delivery_objects_total} (per action, kind and source).
 */
final class MicrometerDeliveryMetrics implements DeliveryMetrics {
  static final String STAGE_DURATION = "gitfoundry.delivery.stage.duration";
  static final String OBJECTS = "gitfoundry.delivery.objects";

  private final MeterRegistry registry;

  MicrometerDeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void stage(Stage stage, Target target, Duration took) {
    Timer.builder(STAGE_DURATION)
        .description(
            "How long a delivery stage took: compile, plan, dry-run, apply, prune, and health"
                + " (from the apply until every app is ready).")
        .serviceLevelObjectives(Buckets.durations())
        .tags(tags(target).and("stage", stage.label()))
        .register(registry)
        .record(took);
  }

  @Override
  public void objects(Target target, long written, long unchanged, long pruned) {
    count(target, "written", written);
    count(target, "unchanged", unchanged);
    count(target, "pruned", pruned);
  }

  private void count(Target target, String action, long amount) {
    Counter.builder(OBJECTS)
        .description("Objects a delivery wrote (server-side apply), found unchanged, or pruned.")
        .tags(tags(target).and("action", action))
        .register(registry)
        .increment(amount);
  }

  private static Tags tags(Target target) {
    return Tags.of("kind", target.kind().label(), "source", target.source());
  }
}
