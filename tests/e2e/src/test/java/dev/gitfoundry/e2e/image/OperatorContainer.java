package dev.gitfoundry.e2e.image;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.gitfoundry.e2e.chart.Helm;
import dev.gitfoundry.e2e.chart.Rendered;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.ContainerEngine;
import dev.gitfoundry.testing.FreePort;
import dev.gitfoundry.testing.KubeApi;
import dev.gitfoundry.testing.SelfContainedKubeconfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The operator image ({@code operator/target/jib-image.tar}, loaded into the engine afresh) run the
 * way the chart runs it: the Deployment that {@code helm template chart/} renders with default
 * values gives the command, arguments, environment (JVM flags included), user, read-only root
 * filesystem, dropped capabilities, memory limit and emptyDir mounts. What differs, and why:
 *
 * <ul>
 *   <li>host networking and a free port instead of 8080: the kube-apiserver and Gitea of the tests
 *       listen on the host's loopback, and so must the webhooks' target;
 *   <li>the kubeconfig of the test API server, mounted read-only, instead of the service account
 *       token a Pod gets;
 *   <li>the emptyDirs are host directories, which survive a restart of the container as emptyDirs
 *       survive a restart of their Pod's container.
 * </ul>
 */
final class OperatorContainer extends GenericContainer<OperatorContainer> {
  static final String TARBALL_PROPERTY = "gitfoundry.image.tar";
  static final String POD_NAME = "gitfoundry-7d9f8b6c5-x2x4q";
  private static final String KUBECONFIG = "/var/run/gitfoundry/kubeconfig.yaml";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private final int port;

  private OperatorContainer(String image, int port) {
    super(DockerImageName.parse(image));
    this.port = port;
  }

  /** The image in the engine: always loaded from the tarball of this build. */
  static String loadImage() {
    Path tarball = Path.of(System.getProperty(TARBALL_PROPERTY));
    String name = "gitfoundry/operator:" + projectVersion();
    long started = System.nanoTime();
    try (InputStream in = Files.newInputStream(tarball)) {
      ContainerEngine.client().loadImageCmd(in).exec();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.printf(
        "[image] loaded %s from %s in %d ms%n",
        name, tarball, (System.nanoTime() - started) / 1_000_000);
    return name;
  }

  static String projectVersion() {
    return System.getProperty("gitfoundry.project.version").replace("-SNAPSHOT", "");
  }

  /** The chart's operator container, rendered with default values into {@code namespace}. */
  static Container chartContainer(String namespace) {
    Deployment deployment =
        Rendered.parse(Helm.get().render(namespace, List.of())).one(Deployment.class, Helm.RELEASE);
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  /**
   * A container as the chart runs it, serving {@code namespaces} only (the shared test cluster has
   * other tests' sources too), with its emptyDirs in {@code volumes}.
   */
  static OperatorContainer create(
      String image, KubeApi api, String namespace, List<String> namespaces, Path volumes) {
    Container chart = chartContainer(namespace);
    int port = FreePort.find();
    OperatorContainer container = new OperatorContainer(image, port);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : chart.getEnv()) {
      env.put(var.getName(), valueOf(var, namespace));
    }
    env.put("GITFOUNDRY_NAMESPACES", String.join(",", namespaces));
    env.put("GITFOUNDRY_PORT", Integer.toString(port));
    env.put("GITFOUNDRY_METRICS_PORT", Integer.toString(FreePort.find()));
    env.put("GITFOUNDRY_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("KUBECONFIG", KUBECONFIG);
    container.withEnv(env);
    container.withNetworkMode("host");
    container.withImagePullPolicy(name -> false);
    container.withLabels(ContainerEngine.ownerLabels());
    Path kubeconfig = volumes.resolve("kubeconfig.yaml");
    write(kubeconfig, SelfContainedKubeconfig.of(api.kubeconfigYaml()));
    container.withFileSystemBind(kubeconfig.toString(), KUBECONFIG, BindMode.READ_ONLY);
    chart
        .getVolumeMounts()
        .forEach(
            mount ->
                container.withFileSystemBind(
                    emptyDir(volumes.resolve(mount.getName())).toString(),
                    mount.getMountPath(),
                    BindMode.READ_WRITE));
    long memory = limit(chart, "memory");
    String user =
        chart.getSecurityContext().getRunAsUser()
            + ":"
            + chart.getSecurityContext().getRunAsGroup();
    container.withCreateContainerCmdModifier(
        cmd -> {
          cmd.withName("gitfoundry-operator-" + port)
              .withEntrypoint(chart.getCommand())
              .withCmd(chart.getArgs())
              .withUser(user);
          HostConfig host = cmd.getHostConfig();
          host.withMemory(memory)
              .withMemorySwap(memory) // no swap: the limit is the limit, as in a Pod
              .withReadonlyRootfs(chart.getSecurityContext().getReadOnlyRootFilesystem())
              .withCapDrop(Capability.ALL)
              .withSecurityOpts(List.of("no-new-privileges"));
        });
    container.waitingFor(new ReadyzAnswers(port).withStartupTimeout(READY_TIMEOUT));
    return container;
  }

  private static String valueOf(EnvVar var, String namespace) {
    if (var.getValueFrom() == null) {
      return var.getValue() == null ? "" : var.getValue();
    }
    String field = var.getValueFrom().getFieldRef().getFieldPath();
    return switch (field) {
      case "metadata.namespace" -> namespace;
      case "metadata.name" -> POD_NAME;
      default -> throw new IllegalStateException("no value for fieldRef " + field);
    };
  }

  private static long limit(Container chart, String resource) {
    Quantity quantity = chart.getResources().getLimits().get(resource);
    return Quantity.getAmountInBytes(quantity).longValueExact();
  }

  /** A host directory the container's user (65532) may write, like an emptyDir with fsGroup. */
  private static Path emptyDir(Path dir) {
    try {
      Files.createDirectories(dir);
      try {
        Files.setAttribute(dir, "unix:uid", 65532);
        Files.setAttribute(dir, "unix:gid", 65532);
      } catch (IOException | UnsupportedOperationException e) { // not root: open it to all
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL, as the kernel's OOM killer or a node failure would: no shutdown hook runs. */
  void kill() {
    getDockerClient().killContainerCmd(getContainerId()).withSignal("SIGKILL").exec();
    Await.until(
        "the operator container to stop",
        Duration.ofSeconds(30),
        () ->
            !getDockerClient()
                .inspectContainerCmd(getContainerId())
                .exec()
                .getState()
                .getRunning());
  }

  /** Starts the same container again (as the kubelet restarts a Pod's container), until ready. */
  void startAgain() {
    getDockerClient().startContainerCmd(getContainerId()).exec();
    new ReadyzAnswers(port).withStartupTimeout(READY_TIMEOUT).waitUntilReady(this);
  }

  /** What the operator printed, to attach to a failure. */
  String logTail() {
    String logs = getLogs();
    List<String> lines = new ArrayList<>(logs.lines().toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** {@code /readyz}, the chart's readiness probe, on the host's loopback. */
  private static final class ReadyzAnswers extends AbstractWaitStrategy {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI readyz;

    ReadyzAnswers(int port) {
      this.readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
    }

    @Override
    protected void waitUntilReady() {
      try {
        Await.until(
            "the operator's " + readyz,
            startupTimeout,
            () -> {
              if (!waitStrategyTarget.isRunning()) {
                throw new AssertionError(
                    "the operator container stopped:\n" + waitStrategyTarget.getLogs());
              }
              return answers();
            });
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            e.getMessage() + "\noperator log:\n" + waitStrategyTarget.getLogs(), e);
      }
    }

    private boolean answers() {
      try {
        HttpRequest request = HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(2)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
