package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppStatus;
import dev.gitfoundry.api.v1alpha1.Conditions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRollupTest {
  @Test
  void readyOnlyForTheCurrentGenerationAndOnlyOnceEveryExpectedAppIsThere() {
    CFApp web = app("web", 2, 2, true);
    CFApp api = app("api", 3, 2, true); // Ready, but for the spec before the last change
    HealthRollup rollup = new HealthRollup(owner -> List.of(web, api));

    Health health = rollup.of("source:team/manifests", 2);
    assertThat(health.readyCount()).isEqualTo(1);
    assertThat(health.allReady()).isFalse();
    assertThat(health.firstFailing().displayName()).isEqualTo("api");

    HealthRollup lagging = new HealthRollup(owner -> List.of(web));
    assertThat(lagging.of("source:team/manifests", 2).allReady())
        .as("the cache does not show every app of the revision yet")
        .isFalse();
    assertThat(lagging.of("source:team/manifests", 1).allReady()).isTrue();
  }

  @Test
  void aFailingAppIsDescribedByItsReadyCondition() {
    CFApp web = app("web", 1, 1, false);
    Health health = new HealthRollup(owner -> List.of(web)).of("o", 1);
    assertThat(health.firstFailing().describe()).isEqualTo("web: CrashLoopBackOff (exit 1)");
  }

  private static CFApp app(String name, long generation, long observed, boolean ready) {
    CFApp app = new CFApp();
    app.getMetadata().setName(name);
    app.getMetadata().setNamespace("acme-prod");
    app.getMetadata().setGeneration(generation);
    app.getSpec().setDisplayName(name);
    CFAppStatus status = new CFAppStatus();
    status.setObservedGeneration(observed);
    Conditions.set(
        status,
        Conditions.READY,
        ready ? Conditions.TRUE : Conditions.FALSE,
        ready ? "Running" : "CrashLoopBackOff",
        ready ? "" : "exit 1",
        observed,
        Instant.EPOCH);
    app.setStatus(status);
    return app;
  }
}
