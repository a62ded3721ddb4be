package dev.gitfoundry.operator.http;

import java.util.List;

/**
 * One app as its status page shows it, from its live CFApp.
 *
 * @param state {@code running}, {@code starting}, {@code failed} or {@code stopped}
 * @param ready whether the app's Ready condition is True for its current spec
 * @param reason the CamelCase reason of the app's Ready condition
 * @param summary that reason in plain words
 * @param message the condition's message (what the commit status would say about the app)
 * @param declaredIn {@code file:line} of the app in the repository
 */
record AppView(
    String name,
    String org,
    String space,
    String state,
    boolean ready,
    String reason,
    String summary,
    String message,
    List<Process> processes,
    List<String> routes,
    String declaredIn,
    String declaredUrl) {

  /** Instances of one process type. */
  record Process(String type, int ready, int desired) {}
}
