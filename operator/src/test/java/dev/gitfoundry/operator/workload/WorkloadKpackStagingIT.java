package dev.gitfoundry.operator.workload;

import static dev.gitfoundry.operator.workload.WorkloadTestSupport.await;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.awaitReady;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.create;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.dockerApp;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.get;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.LifecycleType;
import dev.gitfoundry.local.Crds;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.KubeCluster;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.javaoperatorsdk.operator.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Buildpack apps with kpack's real CRDs installed (no kpack controller: no builds run). */
class WorkloadKpackStagingIT {
  private static final ResourceDefinitionContext IMAGES =
      new ResourceDefinitionContext.Builder()
          .withGroup("kpack.io")
          .withVersion("v1alpha2")
          .withKind("Image")
          .withPlural("images")
          .withNamespaced(true)
          .build();

  @Test
  void buildpackAppRunsTheImageKpackBuiltFromItsCommit() {
    KubeCluster cluster = KubeCluster.shared();
    KubernetesClient client = cluster.client();
    // kpack's released CRDs, from the module pinned in tests/tools/provision.sh
    Crds.installFrom(Tools.get().kpackConfig(), client);
    String home = cluster.createNamespace("kpack-home");
    String ns = cluster.createNamespace("kpack");
    GitSource source = new GitSource();
    source.getMetadata().setName("acme");
    source.getMetadata().setNamespace(home);
    source.getSpec().setUrl("http://git.invalid/acme.git");
    create(client, source);

    Operator operator =
        WorkloadTestSupport.startOperator(
            cluster,
            OperatorConfig.defaults(),
            new StagingConfig("images.invalid/apps", "default", "kpack-builder"));
    try {
      CFApp app = dockerApp(ns, "api", process("web", 1));
      app.getMetadata()
          .setLabels(
              Map.of(
                  "gitfoundry.dev/app-guid", "33333333-3333-5333-8333-333333333333",
                  "gitfoundry.dev/source", "acme",
                  "gitfoundry.dev/source-namespace", home));
      app.getMetadata().setAnnotations(Map.of("gitfoundry.dev/revision", "main@sha1:0123abcd"));
      app.getSpec().getLifecycle().setType(LifecycleType.BUILDPACK);
      app.getSpec().getLifecycle().setImage(null);
      app.getSpec().getLifecycle().setPath("acme/prod/api");
      create(client, app);

      awaitReady(cluster, () -> get(client, CFApp.class, ns, "api"), "False", "Staging");
      GenericKubernetesResource image =
          client.genericKubernetesResources(IMAGES).inNamespace(ns).withName("api").get();
      assertThat(spec(image).get("tag")).isEqualTo("images.invalid/apps/" + ns + "/api");
      assertThat(spec(image).get("serviceAccountName")).isEqualTo("kpack-builder");
      assertThat(spec(image).get("source"))
          .isEqualTo(
              Map.of(
                  "git",
                  Map.of("url", "http://git.invalid/acme.git", "revision", "0123abcd"),
                  "subPath",
                  "acme/prod/api"));
      assertThat(client.apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();

      // What kpack reports once the build succeeded.
      String built = "images.invalid/apps/" + ns + "/api@sha256:0123";
      client
          .genericKubernetesResources(IMAGES)
          .inNamespace(ns)
          .withName("api")
          .editStatus(
              i -> {
                i.getAdditionalProperties()
                    .put(
                        "status",
                        Map.of(
                            "latestImage",
                            built,
                            "conditions",
                            List.of(Map.of("type", "Ready", "status", "True"))));
                return i;
              });

      awaitReady(cluster, () -> get(client, CFApp.class, ns, "api"), "True", "Running");
      await(
          "api-web to run the built image",
          () ->
              built.equals(
                  client
                      .apps()
                      .statefulSets()
                      .inNamespace(ns)
                      .withName("api-web")
                      .get()
                      .getSpec()
                      .getTemplate()
                      .getSpec()
                      .getContainers()
                      .get(0)
                      .getImage()));
    } finally {
      operator.stop();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
