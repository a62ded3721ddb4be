package dev.gitfoundry.local;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local control plane of {@code gitfoundry demo} (and of the tests): kube-apiserver and etcd
 * ({@link LocalApiServer}) plus kube-controller-manager, kube-scheduler and kwok simulating one
 * node. Deployments get Pods that are scheduled and turn Running and Ready, without containers or a
 * container runtime. The controllers are tuned ({@link ControlPlaneTuning}) so that the control
 * plane is not what a thousand-app benchmark measures.
 */
public final class LocalCluster implements AutoCloseable {
  /** The simulated node's name; kwok manages nodes carrying {@link #FAKE_NODE_ANNOTATION}. */
  public static final String NODE_NAME = "kwok-node-0";

  public static final String FAKE_NODE_ANNOTATION = "kwok.x-k8s.io/node";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final LocalApiServer api;
  private final TempDir directory;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalCluster(LocalApiServer api, TempDir directory) {
    this.api = api;
    this.directory = directory;
  }

  /** Starts a control plane of its own (ports, etcd, certificates). Close it when done. */
  public static LocalCluster start() {
    long started = System.nanoTime();
    ToolCache tools = ToolCache.get();
    LocalApiServer api = LocalApiServer.start();
    LocalCluster cluster = Cleanup.atExit(new LocalCluster(api, TempDir.create("kubecluster")));
    try {
      cluster.startControllers(tools);
      cluster.registerFakeNode();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    System.out.printf(
        "[gitfoundry] control plane (apiserver, controller-manager, scheduler, kwok) ready in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
    return cluster;
  }

  private void startControllers(ToolCache tools) {
    String kubeconfig = api.kubeconfigFile().toString();
    // --cert-dir: without it both components try to write to /var/run/kubernetes.
    List<String> controllerManager =
        new ArrayList<>(
            List.of(
                tools.binary("kube-controller-manager").toString(),
                "--kubeconfig=" + kubeconfig,
                "--leader-elect=false",
                "--bind-address=127.0.0.1",
                "--secure-port=0",
                "--cert-dir=" + directory.resolve("kcm-certs"),
                // Node lifecycle stays on: it lifts the not-ready taint that admission puts on
                // every new node. Node IPAM goes: there is no cluster CIDR to allocate from.
                "--controllers=*,-nodeipam"));
    controllerManager.addAll(ControlPlaneTuning.controllerManagerFlags());
    processes.add(start("kube-controller-manager", controllerManager));
    processes.add(
        start(
            "kube-scheduler",
            List.of(
                tools.binary("kube-scheduler").toString(),
                // Client QPS and burst exist only in the configuration file; with --config the
                // scheduler ignores its flags that the file covers, so the kubeconfig is there too.
                "--config="
                    + ControlPlaneTuning.writeSchedulerConfiguration(
                        directory.resolve("kube-scheduler.yaml"), api.kubeconfigFile()),
                "--bind-address=127.0.0.1",
                "--secure-port=0",
                "--cert-dir=" + directory.resolve("scheduler-certs"))));
    processes.add(
        start(
            "kwok",
            List.of(
                tools.binary("kwok").toString(),
                "--kubeconfig=" + kubeconfig,
                "--config=" + tools.kwokStages(),
                "--manage-all-nodes=false",
                "--manage-nodes-with-annotation-selector=" + FAKE_NODE_ANNOTATION + "=fake",
                "--manage-nodes-with-label-selector=",
                "--manage-single-node=",
                "--cidr=10.0.0.0/24",
                "--node-ip=10.0.0.1",
                "--node-lease-duration-seconds=40")));
  }

  private ManagedProcess start(String name, List<String> command) {
    // kwok reads ~/.kwok; a private HOME keeps the user's own configuration out.
    return ManagedProcess.start(
        name, command, Map.of("HOME", directory.path().toString()), directory.path());
  }

  private void registerFakeNode() {
    // Generous, like a big real node, so that apps' memory and disk quotas (ephemeral-storage)
    // schedule and scale tests fit; nothing is actually consumed on a simulated node.
    Map<String, Quantity> resources =
        Map.of(
            "cpu", new Quantity("64"),
            "memory", new Quantity("512Gi"),
            "ephemeral-storage", new Quantity("4Ti"),
            "pods", new Quantity("2000"));
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(NODE_NAME)
            .addToAnnotations(FAKE_NODE_ANNOTATION, "fake")
            .addToLabels("kubernetes.io/hostname", NODE_NAME)
            .addToLabels("kubernetes.io/os", "linux")
            .addToLabels("kubernetes.io/arch", "amd64")
            .addToLabels("type", "kwok")
            .endMetadata()
            .withNewStatus()
            .withCapacity(resources)
            .withAllocatable(resources)
            .endStatus()
            .build();
    client().nodes().resource(node).create();
    Await.until(
        "node " + NODE_NAME + " to be Ready (kwok)",
        READY_TIMEOUT,
        () -> {
          processes.forEach(ManagedProcess::checkAlive);
          Node current = client().nodes().withName(NODE_NAME).get();
          return current.getStatus().getConditions().stream()
              .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        });
  }

  public LocalApiServer api() {
    return api;
  }

  public KubernetesClient client() {
    return api.client();
  }

  public Path kubeconfigFile() {
    return api.kubeconfigFile();
  }

  public String createNamespace(String prefix) {
    return api.createNamespace(prefix);
  }

  /** The end of each component's log, to attach to a failure message. */
  public String logs() {
    StringBuilder logs = new StringBuilder();
    processes.forEach(
        p -> logs.append("--- ").append(p).append('\n').append(p.logTail()).append('\n'));
    return logs.toString();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Cleanup.forget(this);
    processes.forEach(ManagedProcess::close);
    api.close();
    directory.close();
  }

  @Override
  public String toString() {
    return "LocalCluster at " + directory;
  }
}
