package dev.gitfoundry.operator.config;

/**
 * How hard the operator works the API server (flags of {@code gitfoundry run}).
 *
 * @param applyConcurrency API calls one delivery makes at once (dry-run, apply, prune)
 * @param workloadConcurrency CFOrg/CFSpace/CFApp/CFRoute reconciles running at once
 * @param kubeApiQps client-side request rate limit; 0 or less turns it off (the API server's
 *     priority and fairness protects it, as Flux assumes)
 * @param kubeApiBurst requests allowed above the rate for a moment
 */
public record Tuning(
    int applyConcurrency, int workloadConcurrency, double kubeApiQps, int kubeApiBurst) {
  public Tuning {
    if (applyConcurrency < 1 || workloadConcurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  public static Tuning defaults() {
    return new Tuning(16, 20, 0, 0);
  }
}
