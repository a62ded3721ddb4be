package dev.gitfoundry.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFRouteStatus;
import dev.gitfoundry.api.v1alpha1.Conditions;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusPatchTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void readySetsObservedGenerationAndOnlyReadyCondition() {
    var patch =
        new StatusPatch<CFRoute, CFRouteStatus>(CFRoute::new, Clock.fixed(T0, ZoneOffset.UTC));
    CFRoute route = route(3L, null);

    var control = patch.update(route, new CFRouteStatus(), Readiness.ready("Routed", "ok"));

    CFRoute fresh = control.getResource().orElseThrow();
    assertThat(fresh.getSpec()).isNull();
    assertThat(fresh.getMetadata().getName()).isEqualTo("r");
    assertThat(fresh.getStatus().getObservedGeneration()).isEqualTo(3L);
    assertThat(fresh.getStatus().getConditions()).hasSize(1);
    var ready = Conditions.get(fresh.getStatus(), Conditions.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo("Routed");
    assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void unchangedStatusIsNotPatchedAndTransitionTimeMovesOnlyOnAFlip() {
    var first =
        new StatusPatch<CFRoute, CFRouteStatus>(CFRoute::new, Clock.fixed(T0, ZoneOffset.UTC));
    CFRouteStatus applied =
        first
            .update(route(1L, null), new CFRouteStatus(), Readiness.ready("Routed", "ok"))
            .getResource()
            .orElseThrow()
            .getStatus();

    var later =
        new StatusPatch<CFRoute, CFRouteStatus>(
            CFRoute::new, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    assertThat(
            later
                .update(route(1L, applied), new CFRouteStatus(), Readiness.ready("Routed", "ok"))
                .isNoUpdate())
        .isTrue();

    var flipped =
        later.update(
            route(1L, applied), new CFRouteStatus(), Readiness.stalled("RouteConflict", "taken"));
    var status = flipped.getResource().orElseThrow().getStatus();
    assertThat(Conditions.get(status, Conditions.READY).orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-01-01T10:01:00Z");
    assertThat(Conditions.isTrue(status, Conditions.STALLED)).isTrue();
    assertThat(Conditions.get(status, Conditions.RECONCILING)).isEmpty();
    // The primary's own condition objects are left alone.
    assertThat(Conditions.get(applied, Conditions.READY).orElseThrow().getStatus())
        .isEqualTo("True");
  }

  @Test
  void waitingMarksReconcilingAndReschedules() {
    var patch =
        new StatusPatch<CFRoute, CFRouteStatus>(CFRoute::new, Clock.fixed(T0, ZoneOffset.UTC));
    var control =
        patch.update(
            route(1L, null),
            new CFRouteStatus(),
            Readiness.waiting("ProcessesNotReady", "0/1", Duration.ofSeconds(30)));

    assertThat(control.getScheduleDelay()).contains(30_000L);
    assertThat(
            Conditions.isTrue(
                control.getResource().orElseThrow().getStatus(), Conditions.RECONCILING))
        .isTrue();
  }

  @Test
  void invalidInputStallsWithoutRetryAndOtherFailuresRetry() {
    var patch =
        new StatusPatch<CFRoute, CFRouteStatus>(CFRoute::new, Clock.fixed(T0, ZoneOffset.UTC));

    var invalid =
        patch.failed(
            route(1L, null),
            new CFRouteStatus(),
            new InvalidSpecException("UnknownRole", "no such role"));
    assertThat(invalid.isNoRetry()).isTrue();
    assertThat(
            Conditions.get(invalid.getResource().orElseThrow().getStatus(), Conditions.READY)
                .orElseThrow()
                .getReason())
        .isEqualTo("UnknownRole");

    var rejected =
        patch.failed(
            route(1L, null),
            new CFRouteStatus(),
            new RuntimeException(new KubernetesClientException("bad", 422, null)));
    assertThat(rejected.isNoRetry()).isTrue();

    var transient_ =
        patch.failed(
            route(1L, null),
            new CFRouteStatus(),
            new KubernetesClientException("timeout", 504, null));
    assertThat(transient_.isNoRetry()).isFalse();
    assertThat(
            Conditions.get(transient_.getResource().orElseThrow().getStatus(), Conditions.READY)
                .orElseThrow()
                .getReason())
        .isEqualTo("ReconcileFailed");
  }

  private static CFRoute route(Long generation, CFRouteStatus status) {
    CFRoute route = new CFRoute();
    route.getMetadata().setName("r");
    route.getMetadata().setNamespace("ns");
    route.getMetadata().setGeneration(generation);
    route.setStatus(status);
    return route;
  }
}
