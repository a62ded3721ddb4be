package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.KubeApi;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The delivery pipeline against a real kube-apiserver: it plans from informer caches, writes only
 * what differs, and when admission refuses one object of a revision (a ValidatingAdmissionPolicy
 * here) it writes nothing at all and names the object.
 */
class DeliveryPipelineIT {
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private static KubernetesClient client;
  private static InformerLiveState live;
  private static ExecutorService pool;
  private static DeliveryPipeline pipeline;
  private static DeliveryScope scope;
  private static String home;

  @BeforeAll
  static void start() {
    KubeApi api = KubeApi.shared();
    client = api.client();
    home = api.createNamespace("delivery");
    live =
        new InformerLiveState(
            client, Set.of(), new dev.gitfoundry.operator.cache.ClusterCaches(client));
    live.start();
    pool = Executors.newFixedThreadPool(8);
    pipeline =
        new DeliveryPipeline(live, new KubernetesClusterWriter(client), new ParallelWrites(pool));
    scope =
        new DeliveryScope(
            Map.of(Labels.SOURCE, "manifests", Labels.SOURCE_NAMESPACE, home),
            "gitfoundry",
            Set.of(),
            true);
  }

  @AfterAll
  static void stop() {
    live.close();
    pool.shutdownNow();
  }

  @Test
  void anUnchangedRevisionWritesNothingAndAnAdmissionRefusalWritesNothingAtAll() throws Exception {
    String org = "org" + Long.toHexString(System.nanoTime());
    List<HasMetadata> v1 =
        compile(org, Map.of("prod/web", app("web", 2), "prod/api", app("api", 1)));
    DeliveryResult first = pipeline.deliver(delivery(v1));
    assertThat(first.written()).isEqualTo(first.plan().changes().size());
    Await.until(
        "the cache holds the delivery",
        SETTLE,
        () -> live.owned(scope.owner()).size() == ObjectRef.of(first.plan().inventory()).size());

    assertThat(pipeline.deliver(delivery(v1)).written()).as("unchanged").isZero();

    refuseMoreThanFiveInstances(org);
    List<HasMetadata> v2 =
        compile(
            org,
            Map.of(
                "prod/web", app("web", 3),
                "prod/api", app("api", 9),
                "staging/new", app("new", 1)));
    assertThatThrownBy(() -> pipeline.deliver(delivery(v2)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
              assertThat(e.object())
                  .map(ObjectRef::toString)
                  .hasValue("CFApp/" + org + "-prod/api");
              assertThat(e.getMessage()).contains("at most 5 instances", "nothing was written");
            });
    CFApp web = client.resources(CFApp.class).inNamespace(org + "-prod").withName("web").get();
    assertThat(web.getSpec().getProcesses().get(0).getInstances())
        .as("web was not written")
        .isEqualTo(2);
    Namespace staging = client.namespaces().withName(org + "-staging").get();
    assertThat(staging == null || staging.getMetadata().getDeletionTimestamp() != null)
        .as("the namespace created for the refused revision is given back")
        .isTrue();
  }

  private static void refuseMoreThanFiveInstances(String org) throws InterruptedException {
    ValidatingAdmissionPolicy policy =
        new ValidatingAdmissionPolicyBuilder()
            .withNewMetadata()
            .withName(org + "-instances")
            .endMetadata()
            .withNewSpec()
            .withFailurePolicy("Fail")
            .withNewMatchConstraints()
            .addNewResourceRule()
            .withApiGroups("gitfoundry.dev")
            .withApiVersions("v1alpha1")
            .withOperations("CREATE", "UPDATE")
            .withResources("cfapps")
            .endResourceRule()
            .endMatchConstraints()
            .addNewValidation()
            .withExpression("object.spec.processes.all(p, !has(p.instances) || p.instances <= 5)")
            .withMessage("at most 5 instances per process")
            .endValidation()
            .endSpec()
            .build();
    ValidatingAdmissionPolicyBinding binding =
        new ValidatingAdmissionPolicyBindingBuilder()
            .withNewMetadata()
            .withName(org + "-instances")
            .endMetadata()
            .withNewSpec()
            .withPolicyName(org + "-instances")
            .withValidationActions("Deny")
            .withNewMatchResources()
            .withNewNamespaceSelector()
            .addToMatchLabels(Labels.SOURCE_NAMESPACE, home)
            .endNamespaceSelector()
            .endMatchResources()
            .endSpec()
            .build();
    client.resource(policy).create();
    client.resource(binding).create();
    // The API server loads policies asynchronously: wait until it refuses a known-bad object.
    CFApp probe = client.resources(CFApp.class).inNamespace(org + "-prod").withName("api").get();
    probe.getMetadata().setManagedFields(null);
    probe.getMetadata().setResourceVersion(null);
    probe.getSpec().getProcesses().get(0).setInstances(6);
    Await.until(
        "the admission policy is in force",
        SETTLE,
        () -> {
          try {
            client
                .resource(probe)
                .dryRun()
                .fieldManager("probe")
                .forceConflicts()
                .serverSideApply();
            return false;
          } catch (KubernetesClientException refused) {
            return refused.getCode() == 422 || refused.getCode() == 403;
          }
        });
  }

  private Delivery delivery(List<HasMetadata> objects) {
    return new Delivery(
        scope,
        "main@sha1:" + objects.size(),
        Compiled.namespaces(objects),
        objects,
        List.of(),
        true,
        true);
  }

  private static List<HasMetadata> compile(String org, Map<String, String> apps) {
    Map<String, String> manifests = new java.util.HashMap<>();
    apps.forEach((path, text) -> manifests.put(org + "/" + path + "/manifest.yml", text));
    return Compiled.objects(manifests, "manifests", home);
  }

  private static String app(String name, int instances) {
    return "applications:\n- name: "
        + name
        + "\n  docker: {image: busybox}\n  instances: "
        + instances
        + "\n";
  }
}
