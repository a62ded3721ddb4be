package dev.gitfoundry.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Client rates and worker counts of the local control plane. With the defaults (client QPS 20, five
 * Deployment and ReplicaSet workers) kube-controller-manager needs about four minutes to give a
 * thousand Deployments their ReplicaSets, so a benchmark would measure it instead of Gitfoundry;
 * tuned like this the same thousand Deployments are available in about a minute. The same values
 * apply to the demo, every test and every benchmark (baseline and operator alike).
 */
public final class ControlPlaneTuning {
  public static final int CLIENT_QPS = 500;
  public static final int CLIENT_BURST = 1000;
  public static final int CONCURRENT_SYNCS = 50;

  private ControlPlaneTuning() {}

  /** Flags of kube-controller-manager: its API client and the workers of the busy controllers. */
  public static List<String> controllerManagerFlags() {
    return List.of(
        "--kube-api-qps=" + CLIENT_QPS,
        "--kube-api-burst=" + CLIENT_BURST,
        "--concurrent-deployment-syncs=" + CONCURRENT_SYNCS,
        "--concurrent-replicaset-syncs=" + CONCURRENT_SYNCS,
        "--concurrent-statefulset-syncs=" + CONCURRENT_SYNCS,
        "--concurrent-endpoint-syncs=" + CONCURRENT_SYNCS,
        "--concurrent-service-endpoint-syncs=" + CONCURRENT_SYNCS,
        "--concurrent-gc-syncs=" + CONCURRENT_SYNCS,
        // Tests delete a Namespace each; many in a row should not queue behind ten workers.
        "--concurrent-namespace-syncs=" + CONCURRENT_SYNCS);
  }

  /**
   * Writes kube-scheduler's configuration file, which alone can set its client QPS and burst (the
   * flags are ignored once {@code --config} is given), and returns its path.
   */
  public static Path writeSchedulerConfiguration(Path file, Path kubeconfig) {
    String yaml =
        """
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        clientConnection:
          kubeconfig: "%s"
          qps: %d
          burst: %d
        leaderElection:
          leaderElect: false
        """
            .formatted(kubeconfig, CLIENT_QPS, CLIENT_BURST);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
