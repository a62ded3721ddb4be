package dev.gitfoundry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFAppStatus;
import dev.gitfoundry.api.v1alpha1.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00.123Z");
  private static final Instant T2 = Instant.parse("2026-01-01T00:05:00Z");
  private static final Instant T3 = Instant.parse("2026-01-01T00:10:00Z");

  @Test
  void lastTransitionTimeMovesOnlyWhenTheStatusFlips() {
    CFAppStatus status = new CFAppStatus();
    assertThat(Conditions.set(status, "Ready", "False", "Progressing", "0/3", 1L, T1)).isTrue();
    assertThat(ready(status).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");

    assertThat(Conditions.set(status, "Ready", "False", "Progressing", "1/3", 2L, T2)).isTrue();
    assertThat(ready(status).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(ready(status).getMessage()).isEqualTo("1/3");
    assertThat(ready(status).getObservedGeneration()).isEqualTo(2L);

    assertThat(Conditions.set(status, "Ready", "True", "Running", "3/3", 2L, T3)).isTrue();
    assertThat(ready(status).getLastTransitionTime()).isEqualTo("2026-01-01T00:10:00Z");
    assertThat(Conditions.isTrue(status, "Ready")).isTrue();
    assertThat(status.getConditions()).hasSize(1);
  }

  @Test
  void settingTheSameConditionAgainChangesNothing() {
    CFAppStatus status = new CFAppStatus();
    Conditions.set(status, "Ready", "True", "Running", "3/3", 1L, T1);
    assertThat(Conditions.set(status, "Ready", "True", "Running", "3/3", 1L, T3)).isFalse();
    assertThat(ready(status).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void removeAndAbsentConditions() {
    CFAppStatus status = new CFAppStatus();
    assertThat(Conditions.get(status, "Stalled")).isEmpty();
    assertThat(Conditions.isTrue(null, "Ready")).isFalse();
    Conditions.set(status, "Stalled", "True", "CrashLoop", "web crashed", null, T1);
    assertThat(Conditions.remove(status, "Stalled")).isTrue();
    assertThat(Conditions.remove(status, "Stalled")).isFalse();
  }

  private static Condition ready(CFAppStatus status) {
    return Conditions.get(status, "Ready").orElseThrow();
  }
}
