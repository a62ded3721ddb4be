package dev.gitfoundry.operator.delivery;

import java.util.List;

/**
 * How the apps of one delivery are doing.
 *
 * @param expected how many apps the delivered revision has (the cache may not show them all yet)
 */
public record Health(List<AppHealth> apps, int expected) {
  /** One app: ready or not, and why not. */
  public record AppHealth(
      String namespace,
      String name,
      String displayName,
      boolean ready,
      String reason,
      String message) {
    /** {@code web: CrashLoopBackOff (exit 1)}: what a commit status says about a failing app. */
    public String describe() {
      return displayName
          + ": "
          + reason
          + (message == null || message.isEmpty() ? "" : " (" + message + ")");
    }
  }

  public Health {
    apps = List.copyOf(apps);
  }

  public long readyCount() {
    return apps.stream().filter(AppHealth::ready).count();
  }

  public boolean allReady() {
    return apps.size() >= expected && readyCount() == apps.size();
  }

  /** The first app that is not ready, or null. */
  public AppHealth firstFailing() {
    return apps.stream().filter(a -> !a.ready()).findFirst().orElse(null);
  }
}
