package dev.gitfoundry.operator.workload;

import io.fabric8.kubernetes.api.model.Quantity;

/** Megabytes as a Kubernetes quantity, in the canonical form the API server returns. */
public final class Mebibytes {
  private Mebibytes() {}

  /** Canonical so that comparisons with the live object do not see drift. */
  public static Quantity quantity(long mb) {
    if (mb % (1024L * 1024) == 0) {
      return new Quantity(mb / (1024L * 1024) + "Ti");
    }
    if (mb % 1024 == 0) {
      return new Quantity(mb / 1024 + "Gi");
    }
    return new Quantity(mb + "Mi");
  }
}
