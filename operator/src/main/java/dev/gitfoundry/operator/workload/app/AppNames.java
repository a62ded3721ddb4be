package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.v1alpha1.CFApp;

/** Names of an app's children. */
public final class AppNames {
  /** Process type that receives HTTP traffic and gets the app's Service. */
  public static final String WEB = "web";

  /** The port every process listens on ({@code $PORT}). */
  public static final int PORT = 8080;

  private AppNames() {}

  public static String runtimeSecret(CFApp app) {
    return app.getMetadata().getName() + "-runtime";
  }

  public static String deployment(CFApp app, String processType) {
    return app.getMetadata().getName() + "-" + processType;
  }

  /** The Service of the app's web process; routes send traffic to it. */
  public static String service(String appName) {
    return appName;
  }
}
