package dev.gitfoundry.operator.workload.app;

import java.util.List;
import java.util.Map;

/**
 * Everything outside the CFApp that its children are built from, resolved once per reconcile and
 * handed to the dependents through the reconcile context.
 *
 * @param guid the app's CF GUID
 * @param image the image every process runs; null until kpack has built one
 * @param build what kpack builds for a buildpack or cnb app; null for docker apps
 * @param runtimeEnv the runtime Secret's data: manifest env, VCAP_APPLICATION, VCAP_SERVICES
 * @param bindings the bound services, mounted as files too
 * @param checksum changes when a running instance must restart to see new env or credentials
 */
record AppInputs(
    String guid,
    String image,
    KpackBuild build,
    Map<String, String> runtimeEnv,
    List<BindingFiles.Binding> bindings,
    String checksum) {
  static final String KEY = AppInputs.class.getName();

  AppInputs {
    runtimeEnv = Map.copyOf(runtimeEnv);
    bindings = List.copyOf(bindings);
  }

  AppInputs withImage(String builtImage) {
    return new AppInputs(guid, builtImage, build, runtimeEnv, bindings, checksum);
  }

  /**
   * A kpack build of the app's bits at one commit.
   *
   * @param tag where kpack pushes the image
   * @param gitUrl the repository of the app's GitSource
   * @param revision the commit the CFApp was applied from
   * @param subPath the app's directory in the repository
   */
  record KpackBuild(
      String tag,
      String gitUrl,
      String revision,
      String subPath,
      String clusterBuilder,
      String serviceAccount) {}
}
