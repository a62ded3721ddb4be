package dev.gitfoundry.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.operator.image.RootlessContainer.Volume;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.FreePort;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeApi;
import dev.gitfoundry.testing.ManagedProcess;
import dev.gitfoundry.testing.SelfContainedKubeconfig;
import dev.gitfoundry.testing.TempDir;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The operator, run from the image that {@code -Pimage} builds as the chart runs it (read-only
 * root, emptyDirs at {@code /tmp} and {@code /var/cache/gitfoundry}, the chart's {@code
 * JAVA_TOOL_OPTIONS}), against a real kube-apiserver and Gitea: a push is fetched, compiled and
 * applied, and the commit gets its status. This exercises what a static look at the image cannot:
 * TLS to the API server, the JDK modules the libraries load by reflection, JGit, the forge client.
 */
@EnabledIfSystemProperty(
    named = UnpackedImage.TARBALL_PROPERTY,
    matches = ".+",
    disabledReason = "the image is built and tested with -Pimage")
class OperatorInImageIT {
  private static final Duration OPERATOR_TIMEOUT = Duration.ofMinutes(3);

  @Test
  void operatorAppliesAPushAndReportsOnTheCommit() throws Exception {
    GiteaServer gitea = GiteaServer.shared();
    String repo = gitea.createRepository("image-" + System.nanoTime());
    String sha;
    try (GitWorkingCopy clone = GitWorkingCopy.clone(gitea, repo)) {
      sha =
          clone
              .replaceWith(Tools.repositoryRoot().resolve("examples/repos/hello"))
              .commitAndPush("hello");
    }
    try (UnpackedImage image = UnpackedImage.unpack();
        KubeApi api = KubeApi.start();
        TempDir volumes = TempDir.create("image-volumes")) {
      String namespace = api.createNamespace("image");
      api.client()
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("forge")
                  .withNamespace(namespace)
                  .endMetadata()
                  .withStringData(Map.of("token", gitea.token()))
                  .build())
          .create();
      Path tmp = Files.createDirectories(volumes.resolve("tmp"));
      Path cache = Files.createDirectories(volumes.resolve("cache"));
      // Outside a cluster there is no service account token: the API server's kubeconfig instead.
      Files.writeString(
          tmp.resolve("kubeconfig.yaml"), SelfContainedKubeconfig.of(api.kubeconfigYaml()));
      int port = FreePort.find();
      Map<String, String> env =
          Map.of(
              "KUBECONFIG", "/tmp/kubeconfig.yaml",
              "POD_NAMESPACE", namespace,
              "GITFOUNDRY_PORT", Integer.toString(port),
              "GITFOUNDRY_METRICS_PORT", "0",
              "GITFOUNDRY_CACHE_DIR", "/var/cache/gitfoundry",
              // As the chart's defaults set it.
              "JAVA_TOOL_OPTIONS",
                  "-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp");
      // The chart's emptyDir volumes.
      List<Volume> mounts =
          List.of(
              new Volume(tmp, "/tmp", false), new Volume(cache, "/var/cache/gitfoundry", false));

      try (ManagedProcess operator =
          image.container.start(
              "operator", image.container.entrypointWith(), env, mounts, volumes.path())) {
        awaitReady(operator, port);
        api.client().resource(gitSource(namespace, gitea, repo)).create();
        awaitWithLog(
            operator,
            "commit status pending \"applied, 0/1 apps ready\" on " + sha,
            () ->
                gitea.commitStatuses(repo, sha).stream()
                    .anyMatch(
                        status ->
                            "pending".equals(status.path("status").asText())
                                && "applied, 0/1 apps ready"
                                    .equals(status.path("description").asText())));
        assertThat(
                api.client().resources(CFApp.class).inNamespace("demo-dev").withName("hello").get())
            .isNotNull();
        assertThat(Files.readString(volumes.resolve("operator.log")))
            .as("errors in the operator's log, e.g. a write outside /tmp")
            .doesNotContain(" ERROR ", "Exception");
      }
    }
  }

  private static GitSource gitSource(String namespace, GiteaServer gitea, String repo) {
    GitSource source = new GitSource();
    source.getMetadata().setName("hello");
    source.getMetadata().setNamespace(namespace);
    source.getSpec().setUrl(gitea.cloneUrl(repo));
    ForgeSpec forge = new ForgeSpec();
    forge.setType(ForgeType.GITEA);
    forge.setApiUrl(gitea.apiUrl());
    SecretKeyRef token = new SecretKeyRef();
    token.setName("forge");
    token.setKey("token");
    forge.setTokenSecretRef(token);
    source.getSpec().setForge(forge);
    return source;
  }

  private static void awaitReady(ManagedProcess operator, int port) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest readyz =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    awaitWithLog(
        operator,
        "/readyz of the operator in the image",
        () -> {
          try {
            return http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          } catch (IOException e) {
            return false; // not listening yet
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  /** Waits while the operator lives; a failure shows the end of its log. */
  private static void awaitWithLog(
      ManagedProcess operator, String what, BooleanSupplier condition) {
    try {
      Await.until(
          what,
          OPERATOR_TIMEOUT,
          () -> {
            if (!operator.isAlive()) { // an Error: Await retries on exceptions
              throw new AssertionError("the operator exited; its log:\n" + operator.logTail());
            }
            return condition.getAsBoolean();
          });
    } catch (IllegalStateException e) {
      throw new AssertionError(e.getMessage() + "\noperator log:\n" + operator.logTail(), e);
    }
  }
}
