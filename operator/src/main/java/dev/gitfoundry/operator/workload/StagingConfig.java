package dev.gitfoundry.operator.workload;

/**
 * How buildpack and cnb apps are built when kpack is installed.
 *
 * @param imageRegistry repository prefix kpack pushes app images to ({@code <prefix>/<ns>/<app>});
 *     null when builds are not configured
 * @param clusterBuilder the kpack ClusterBuilder to build with
 * @param serviceAccount the service account (in the app's namespace) kpack builds as; it carries
 *     the registry and Git credentials
 */
public record StagingConfig(String imageRegistry, String clusterBuilder, String serviceAccount) {
  /** Builds not configured: buildpack apps report StagingUnavailable. */
  public static StagingConfig unconfigured() {
    return new StagingConfig(null, "default", "default");
  }

  public boolean configured() {
    return imageRegistry != null && !imageRegistry.isBlank();
  }
}
