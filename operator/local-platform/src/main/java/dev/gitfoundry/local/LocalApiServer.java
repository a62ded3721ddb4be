package dev.gitfoundry.local;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceCIDRBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real kube-apiserver with etcd (through fabric8 kube-api-test) and the CRDs of the checkout's
 * {@code chart/crds} installed. There is no scheduler or controller manager: objects are stored,
 * nothing runs. {@link LocalCluster} adds them when Pods must run.
 */
public final class LocalApiServer implements AutoCloseable {
  private static final int STARTUP_TIMEOUT_MILLIS = 180_000;
  private static final String EXTRA_SERVICE_CIDR = "10.96.0.0/16";

  private final TempDir directory;
  private final KubeAPIServer server;
  private final String kubeconfigYaml;
  private final Path kubeconfigFile;
  private final KubernetesClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalApiServer(
      TempDir directory, KubeAPIServer server, String kubeconfigYaml, Path kubeconfigFile) {
    this.directory = directory;
    this.server = server;
    this.kubeconfigYaml = kubeconfigYaml;
    this.kubeconfigFile = kubeconfigFile;
    this.client =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
  }

  /** Starts an API server with its own etcd, certificates and ports. Close it when done. */
  public static LocalApiServer start() {
    long started = System.nanoTime();
    ToolCache tools = ToolCache.get();
    TempDir directory = Cleanup.atExit(TempDir.create("kubeapi"));
    KubeAPIServer server = null;
    LocalApiServer api = null;
    try {
      // Certificates are written into the directory; a private one per instance keeps parallel
      // JVMs from racing, and the binaries are reached through a link into the tools cache.
      Files.createSymbolicLink(
          directory.resolve("k8s"), tools.kubeApiTestDirectory().resolve("k8s"));
      server =
          new KubeAPIServer(
              KubeAPIServerConfigBuilder.anAPIServerConfig()
                  .withTestDir(directory.path().toString())
                  .withApiServerVersion(tools.kubernetesVersion())
                  .withOfflineMode(true)
                  .withUpdateKubeConfig(false)
                  .withStartupTimeout(STARTUP_TIMEOUT_MILLIS)
                  .build());
      server.start();
      String yaml = server.getKubeConfigYaml();
      Path kubeconfigFile = directory.resolve("kubeconfig.yaml");
      Files.writeString(kubeconfigFile, yaml);
      api = Cleanup.atExit(new LocalApiServer(directory, server, yaml, kubeconfigFile));
      widenServiceRange(api.client());
      int crds = Crds.installFrom(ToolCache.repositoryRoot().resolve("chart/crds"), api.client());
      System.out.printf("[gitfoundry] kube-apiserver: %d CRDs from chart/crds established%n", crds);
    } catch (IOException e) {
      closeAfterFailure(api, server, directory);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeAfterFailure(api, server, directory);
      throw e;
    }
    System.out.printf(
        "[gitfoundry] kube-apiserver %s and etcd ready in %d ms%n",
        tools.kubernetesVersion(), (System.nanoTime() - started) / 1_000_000);
    return api;
  }

  /**
   * kube-api-test starts the API server with a /24 Service range (its flag comes last, so ours
   * cannot override it): about 250 Services, too few for the 1,000-app benchmarks. A second
   * ServiceCIDR (networking.k8s.io/v1, GA since Kubernetes 1.33) adds a /16 at run time.
   */
  private static void widenServiceRange(KubernetesClient client) {
    client
        .resource(
            new ServiceCIDRBuilder()
                .withNewMetadata()
                .withName("gitfoundry-tests")
                .endMetadata()
                .withNewSpec()
                .withCidrs(EXTRA_SERVICE_CIDR)
                .endSpec()
                .build())
        .serverSideApply();
  }

  private static void closeAfterFailure(
      LocalApiServer api, KubeAPIServer server, TempDir directory) {
    if (api != null) {
      api.close();
      return;
    }
    try {
      if (server != null) {
        server.stop(); // etcd may be up even though the API server never became ready
      }
    } finally {
      directory.close();
      Cleanup.forget(directory);
    }
  }

  /** A client with cluster-admin rights (its certificate is in {@code system:masters}). */
  public KubernetesClient client() {
    return client;
  }

  public String kubeconfigYaml() {
    return kubeconfigYaml;
  }

  /** The kubeconfig on disk, for processes such as kubectl, helm or the operator. */
  public Path kubeconfigFile() {
    return kubeconfigFile;
  }

  public String url() {
    return client.getConfiguration().getMasterUrl();
  }

  /** Creates a namespace with a unique name starting with {@code prefix}. */
  public String createNamespace(String prefix) {
    String name =
        (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Cleanup.forget(this);
    client.close();
    try {
      server.stop();
    } finally {
      directory.close();
      Cleanup.forget(directory);
    }
  }

  @Override
  public String toString() {
    return "LocalApiServer at " + directory;
  }
}
