package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What the delivery stages tell the operator's metrics: how long each stage took, and how many
 * objects a delivery wrote, left alone and pruned, per source and kind of delivery. Never the sha
 * or the pull request number, so the number of series stays that of the GitSources.
 */
public interface DeliveryMetrics {
  /** The stages measured per source (fetching is per repository: see the Git metrics). */
  enum Stage {
    COMPILE,
    PLAN,
    DRY_RUN,
    APPLY,
    PRUNE,
    /** From the apply until every app of the revision is ready. */
    HEALTH;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Whether a delivery is a GitSource's branch or one of its pull-request previews. */
  enum Kind {
    BRANCH,
    PREVIEW;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whose delivery: the kind and the GitSource as {@code namespace/name}.
   *
   * @param source {@code namespace/name} of the GitSource
   */
  record Target(Kind kind, String source) {
    public static Target branch(HasMetadata gitSource) {
      return new Target(Kind.BRANCH, name(gitSource));
    }

    public static Target preview(HasMetadata gitSource) {
      return new Target(Kind.PREVIEW, name(gitSource));
    }

    /** Read from the owner labels of a scope, as {@link Owner} reads them. */
    static Target of(DeliveryScope scope) {
      Map<String, String> labels = scope.ownerLabels();
      String previewOf = labels.get(Labels.PREVIEW_SOURCE);
      if (previewOf != null && labels.containsKey(Labels.PULL_REQUEST)) {
        return new Target(
            Kind.PREVIEW, labels.get(Labels.PREVIEW_SOURCE_NAMESPACE) + "/" + previewOf);
      }
      return new Target(
          Kind.BRANCH, labels.get(Labels.SOURCE_NAMESPACE) + "/" + labels.get(Labels.SOURCE));
    }

    private static String name(HasMetadata gitSource) {
      return gitSource.getMetadata().getNamespace() + "/" + gitSource.getMetadata().getName();
    }
  }

  /** A running stage; closing it records how long it ran, whether it succeeded or threw. */
  interface Timing extends AutoCloseable {
    @Override
    void close();
  }

  void stage(Stage stage, Target target, Duration took);

  void objects(Target target, long written, long unchanged, long pruned);

  default Timing time(Stage stage, Target target) {
    long started = System.nanoTime();
    return () -> stage(stage, target, Duration.ofNanos(System.nanoTime() - started));
  }

  /** For tests and tools that run a pipeline without an operator. */
  DeliveryMetrics NONE =
      new DeliveryMetrics() {
        @Override
        public void stage(Stage stage, Target target, Duration took) {}

        @Override
        public void objects(Target target, long written, long unchanged, long pruned) {}
      };
}
