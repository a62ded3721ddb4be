package dev.gitfoundry.operator.cfapi;

import java.util.Locale;

/** The source types CF gives an app's output ({@code APP/PROC/WEB}), from process and container. */
final class LogSources {
  /** The container every process runs its command in; the others are sidecars. */
  static final String APP_CONTAINER = "app";

  private LogSources() {}

  static String sourceType(String processType, String container) {
    String process = "APP/PROC/" + processType.toUpperCase(Locale.ROOT);
    return APP_CONTAINER.equals(container)
        ? process
        : process + "/SIDECAR/" + container.toUpperCase(Locale.ROOT);
  }
}
