package dev.gitfoundry.e2e.cfapi;

import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.FreePort;
import dev.gitfoundry.testing.KubeCluster;
import dev.gitfoundry.testing.ManagedProcess;
import dev.gitfoundry.testing.TempDir;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A second simulated node whose containers have real logs: its own kwok (the pinned v0.8.0) runs
 * the kubelet-like server the API server reaches for {@code pods/log}, and serves one file, in the
 * CRI log format, as the log of every container in the given namespaces (kwok's {@code
 * ClusterLogs}). Appending to the file is a container printing. The cluster's own node is cordoned,
 * so Pods land here: use it on a private cluster.
 */
final class KwokLogsNode implements AutoCloseable {
  static final String NODE_NAME = "kwok-logs-0";
  private static final String ANNOTATION = "gitfoundry.dev/e2e-logs-node";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final TempDir directory;
  private final Path logFile;
  private final ManagedProcess kwok;

  private KwokLogsNode(TempDir directory, Path logFile, ManagedProcess kwok) {
    this.directory = directory;
    this.logFile = logFile;
    this.kwok = kwok;
  }

  static KwokLogsNode start(KubeCluster cluster, List<String> namespaces) {
    TempDir directory = TempDir.create("kwok-logs");
    Path logFile = directory.resolve("app.log");
    int port = FreePort.find();
    try {
      Files.writeString(logFile, "");
      Files.writeString(directory.resolve("logs.yaml"), clusterLogs(namespaces, logFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KubernetesClient client = cluster.client();
    client.nodes().resource(node(port)).create();
    Tools tools = Tools.get();
    ManagedProcess kwok =
        ManagedProcess.start(
            "kwok-logs",
            List.of(
                tools.binary("kwok").toString(),
                "--kubeconfig=" + cluster.kubeconfigFile(),
                "--config=" + tools.kwokStages(),
                "--config=" + directory.resolve("logs.yaml"),
                "--manage-all-nodes=false",
                "--manage-nodes-with-annotation-selector=" + ANNOTATION + "=true",
                "--manage-nodes-with-label-selector=",
                "--manage-single-node=",
                "--cidr=10.1.0.0/24",
                "--node-ip=127.0.0.1",
                "--node-port=" + port,
                "--server-address=127.0.0.1:" + port,
                "--node-lease-duration-seconds=40"),
            Map.of("HOME", directory.path().toString()),
            directory.path());
    KwokLogsNode node = new KwokLogsNode(directory, logFile, kwok);
    Await.until(
        "node " + NODE_NAME + " Ready (kwok serving logs)",
        READY_TIMEOUT,
        () -> {
          kwok.checkAlive();
          Node current = client.nodes().withName(NODE_NAME).get();
          return current.getStatus().getConditions() != null
              && current.getStatus().getConditions().stream()
                  .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        });
    // Everything new lands on this node from now on.
    client
        .nodes()
        .withName(KubeCluster.NODE_NAME)
        .edit(n -> new NodeBuilder(n).editSpec().withUnschedulable(true).endSpec().build());
    return node;
  }

  /** One line of output of every container, written now, in the CRI format kwok reads. */
  void print(String line) {
    try {
      Files.writeString(
          logFile, Instant.now() + " stdout F " + line + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String kwokLog() {
    return kwok.logTail();
  }

  private static String clusterLogs(List<String> namespaces, Path logFile) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: kwok.x-k8s.io/v1alpha1
            kind: ClusterLogs
            metadata:
              name: app-output
            spec:
              selector:
                matchNamespaces:
            """);
    namespaces.forEach(namespace -> yaml.append("      - ").append(namespace).append('\n'));
    yaml.append("  logs:\n  - logsFile: ").append(logFile).append('\n');
    return yaml.toString();
  }

  /** A node the API server reaches at 127.0.0.1:port for logs, as it reaches a kubelet. */
  private static Node node(int port) {
    Map<String, Quantity> resources =
        Map.of(
            "cpu", new Quantity("64"),
            "memory", new Quantity("512Gi"),
            "ephemeral-storage", new Quantity("4Ti"),
            "pods", new Quantity("500"));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(NODE_NAME)
        .addToAnnotations(ANNOTATION, "true")
        .addToLabels("kubernetes.io/hostname", NODE_NAME)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64")
        .addToLabels("type", "kwok")
        .endMetadata()
        .withNewStatus()
        .withCapacity(resources)
        .withAllocatable(resources)
        .addNewAddress()
        .withType("InternalIP")
        .withAddress("127.0.0.1")
        .endAddress()
        .addNewAddress()
        .withType("Hostname")
        .withAddress("127.0.0.1")
        .endAddress()
        .withNewDaemonEndpoints()
        .withNewKubeletEndpoint()
        .withPort(port)
        .endKubeletEndpoint()
        .endDaemonEndpoints()
        .endStatus()
        .build();
  }

  @Override
  public void close() {
    kwok.close();
    directory.close();
  }
}
