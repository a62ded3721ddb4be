package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rolls the CFApps of one owner up into one {@link Health}, from the live-state cache. An app is
 * ready when its {@code Ready} condition is true for its current generation, so an app whose new
 * spec has not been reconciled yet never counts as ready with its old state.
 */
public final class HealthRollup {
  private final Function<String, List<CFApp>> appsOf;

  /**
   * @param appsOf the live CFApps of an owner (see {@link Owner})
   */
  public HealthRollup(Function<String, List<CFApp>> appsOf) {
    this.appsOf = appsOf;
  }

  public Health of(String owner, int expectedApps) {
    return new Health(
        appsOf.apply(owner).stream()
            .sorted(
                Comparator.comparing((CFApp a) -> a.getMetadata().getNamespace())
                    .thenComparing(a -> a.getMetadata().getName()))
            .map(HealthRollup::state)
            .toList(),
        expectedApps);
  }

  private static Health.AppHealth state(CFApp app) {
    Condition ready =
        app.getStatus() == null
            ? null
            : Conditions.get(app.getStatus(), Conditions.READY).orElse(null);
    boolean current =
        app.getStatus() != null
            && app.getStatus().getObservedGeneration() != null
            && app.getStatus().getObservedGeneration().equals(app.getMetadata().getGeneration());
    String displayName =
        app.getSpec().getDisplayName() == null
            ? app.getMetadata().getName()
            : app.getSpec().getDisplayName();
    return new Health.AppHealth(
        app.getMetadata().getNamespace(),
        app.getMetadata().getName(),
        displayName,
        current && ready != null && Conditions.TRUE.equals(ready.getStatus()),
        ready == null ? "Pending" : ready.getReason(),
        ready == null ? "not reconciled yet" : ready.getMessage());
  }
}
