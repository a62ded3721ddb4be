package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.compiler.repository.KubernetesNames;

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

  /**
   * The StatefulSet of one process type; its Pods are {@code <name>-<index>}. At most 52
   * characters: the controller labels Pods with the name and a revision hash, within 63.
   */
  public static String workload(CFApp app, String processType) {
    return KubernetesNames.label(app.getMetadata().getName() + "-" + processType, 52);
  }

  /** The Service of the app's web process; routes send traffic to it. */
  public static String service(String appName) {
    return appName;
  }
}
