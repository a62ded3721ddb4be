package dev.gitfoundry.operator.http;

import java.util.Map;

/**
 * A condition reason in plain words, for people who never read a Kubernetes condition. The reason
 * itself stays beside it (for searching and for the JSON), so an unknown one is shown as it is.
 */
final class PlainReasons {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("Running", "running"),
          Map.entry("Ready", "running"),
          Map.entry("Stopped", "stopped (desired state STOPPED)"),
          Map.entry("Pending", "waiting to be reconciled"),
          Map.entry("ProcessesNotReady", "starting: not every instance is ready yet"),
          Map.entry("Staging", "being staged (building the image)"),
          Map.entry(
              "StagingUnavailable",
              "cannot be staged: buildpack apps need kpack, or use a docker image"),
          Map.entry("StagingFailed", "staging failed: the image could not be built"),
          Map.entry(
              "ServiceInstanceNotFound",
              "waiting for a bound service: its Secret does not exist yet"),
          Map.entry("EnvSecretNotFound", "waiting for its environment Secret"),
          Map.entry("ImagePullBackOff", "the image cannot be pulled"),
          Map.entry("ErrImagePull", "the image cannot be pulled"),
          Map.entry("CrashLoopBackOff", "keeps crashing after it starts"),
          Map.entry("ProgressDeadlineExceeded", "did not become ready in time"),
          Map.entry("Unschedulable", "no node has room for it"),
          Map.entry("InvalidSpec", "the manifest asks for something that cannot run"),
          Map.entry("ReconcileFailed", "Gitfoundry could not apply it (retrying)"),
          Map.entry("RouteConflict", "a route is already taken by another space"));

  private PlainReasons() {}

  static String of(String reason) {
    if (reason == null || reason.isBlank()) {
      return "waiting to be reconciled";
    }
    return WORDS.getOrDefault(reason, reason);
  }
}
