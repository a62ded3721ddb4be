package dev.gitfoundry.operator.workload.app;

import java.util.Map;

/**
 * Everything outside the CFApp that its children are built from, resolved once per reconcile and
 * handed to the dependents through the reconcile context.
 *
 * @param guid the app's CF GUID
 * @param image the image every process runs
 * @param runtimeEnv the runtime Secret's data: manifest env, VCAP_APPLICATION, VCAP_SERVICES
 * @param checksum changes when a running instance must restart to see new env or credentials
 */
record AppInputs(String guid, String image, Map<String, String> runtimeEnv, String checksum) {
  static final String KEY = AppInputs.class.getName();

  AppInputs {
    runtimeEnv = Map.copyOf(runtimeEnv);
  }
}
