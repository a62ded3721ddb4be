package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A revision the API server refuses in part is refused whole, also at apply time: with a
 * ValidatingAdmissionPolicy that allows at most 5 instances, a push that scales one app to 9 and
 * changes another writes nothing, the commit gets {@code failure} naming the refused object and the
 * policy's message, the source reads {@code ApplyFailed}, and the next good push is applied.
 */
class AdmissionRefusalE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);
  private static KubeCluster cluster;
  private static GiteaServer gitea;
  private static KubernetesClient client;
  private static GitfoundryOperator operator;
  private static GitWorkingCopy repository;
  private static String namespace;
  private static String repo;
  private static String policy;

  @BeforeAll
  static void start() throws Exception {
    cluster = KubeCluster.shared();
    gitea = GiteaServer.shared();
    client = cluster.client();
    namespace = cluster.createNamespace("admission");
    repo = gitea.createRepository("admission-" + System.nanoTime());
    operator = InProcessOperator.start(client);
    InProcessOperator.hook(gitea, repo, operator, "hook-secret");
    GiteaSources.createSecret(client, namespace, gitea, "hook-secret");
    repository = GitWorkingCopy.clone(gitea, repo);
    policy = namespace + "-instances";
  }

  @AfterAll
  static void stop() throws Exception {
    if (policy != null) {
      client
          .admissionRegistration()
          .v1()
          .validatingAdmissionPolicyBindings()
          .withName(policy)
          .delete();
      client.admissionRegistration().v1().validatingAdmissionPolicies().withName(policy).delete();
    }
    if (operator != null) {
      operator.close();
    }
    if (repository != null) {
      repository.close();
    }
  }

  @Test
  void aRevisionAdmissionRefusesInPartChangesNothingAndFailsNamingTheObject() throws Exception {
    String good =
        repository
            .write("guarded/prod/web/manifest.yml", app("web", 2, "one"))
            .write("guarded/prod/api/manifest.yml", app("api", 1, "one"))
            .commitAndPush("two apps");
    client
        .resource(
            GiteaSources.gitSource(namespace, "guarded", gitea.cloneUrl(repo), gitea, "5s", true))
        .create();
    GiteaSources.awaitState(gitea, repo, good, "success", LOOP);
    refuseMoreThanFiveInstancesIn("guarded-prod");

    String refused =
        repository
            .write("guarded/prod/web/manifest.yml", app("web", 2, "two"))
            .write("guarded/prod/api/manifest.yml", app("api", 9, "one"))
            .commitAndPush("scale api past the policy");
    GiteaSources.awaitState(gitea, repo, refused, "failure", LOOP);

    // the forge keeps 140 characters: the object first; the condition has the whole message
    assertThat(GiteaSources.latestStatus(gitea, repo, refused).get("description").asText())
        .startsWith("CFApp/guarded-prod/api refused by the API server")
        .contains("at most 5 instances");
    assertThat(greeting("web"))
        .as("web's change in the same revision was not applied either")
        .isEqualTo("one");
    assertThat(
            client
                .resources(CFApp.class)
                .inNamespace("guarded-prod")
                .withName("api")
                .get()
                .getSpec()
                .getProcesses()
                .get(0)
                .getInstances())
        .isEqualTo(1);
    GitSource source =
        client.resources(GitSource.class).inNamespace(namespace).withName("guarded").get();
    var ready = Conditions.get(source.getStatus(), Conditions.READY).orElseThrow();
    assertThat(ready.getReason()).isEqualTo("ApplyFailed");
    assertThat(ready.getMessage()).contains("at most 5 instances", "nothing was written");
    assertThat(source.getStatus().getLastAppliedRevision()).isEqualTo("main@sha1:" + good);

    String fixed =
        repository
            .write("guarded/prod/api/manifest.yml", app("api", 4, "one"))
            .commitAndPush("within the policy");
    GiteaSources.awaitState(gitea, repo, fixed, "success", LOOP);
    assertThat(greeting("web")).as("web's change arrives with the good revision").isEqualTo("two");
  }

  private static String greeting(String app) {
    String encoded =
        client
            .secrets()
            .inNamespace("guarded-prod")
            .withName(app + "-env")
            .get()
            .getData()
            .get("GREETING");
    return new String(
        java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void refuseMoreThanFiveInstancesIn(String spaceNamespace) {
    client
        .resource(
            new ValidatingAdmissionPolicyBuilder()
                .withNewMetadata()
                .withName(policy)
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
                .withExpression(
                    "object.spec.processes.all(p, !has(p.instances) || p.instances <= 5)")
                .withMessage("at most 5 instances per process")
                .endValidation()
                .endSpec()
                .build())
        .create();
    client
        .resource(
            new ValidatingAdmissionPolicyBindingBuilder()
                .withNewMetadata()
                .withName(policy)
                .endMetadata()
                .withNewSpec()
                .withPolicyName(policy)
                .withValidationActions("Deny")
                .withNewMatchResources()
                .withNewNamespaceSelector()
                .addToMatchLabels("kubernetes.io/metadata.name", spaceNamespace)
                .endNamespaceSelector()
                .endMatchResources()
                .endSpec()
                .build())
        .create();
    // The API server loads policies asynchronously: wait until it refuses a known-bad object.
    Await.until(
        "the admission policy is in force",
        LOOP,
        () -> {
          CFApp probe =
              client.resources(CFApp.class).inNamespace(spaceNamespace).withName("api").get();
          probe.getMetadata().setManagedFields(null);
          probe.getMetadata().setResourceVersion(null);
          probe.setStatus(null);
          probe.getSpec().getProcesses().get(0).setInstances(6);
          try {
            client
                .resource(probe)
                .dryRun()
                .fieldManager("probe")
                .forceConflicts()
                .serverSideApply();
            return false;
          } catch (io.fabric8.kubernetes.client.KubernetesClientException refused) {
            return refused.getCode() == 422 || refused.getCode() == 403;
          }
        });
  }

  private static String app(String name, int instances, String greeting) {
    return "applications:\n- name: "
        + name
        + "\n  docker: {image: busybox}\n  no-route: true\n  health-check-type: process\n  instances: "
        + instances
        + "\n  env: {GREETING: "
        + greeting
        + "}\n";
  }
}
