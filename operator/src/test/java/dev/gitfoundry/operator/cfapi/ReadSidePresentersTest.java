package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.CFSpaceSpec;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small presenters of the read side: what each CLI command reads. */
class ReadSidePresentersTest {
  private static ServiceInstances.Instance instance(boolean secretExists) {
    CFSpace space = new CFSpace();
    CFSpaceSpec spec = new CFSpaceSpec();
    spec.setNamespace("acme-prod");
    space.setSpec(spec);
    var app = Samples.app("web", "acme-prod", Samples.process("web", 1, 64));
    return new ServiceInstances.Instance(
        "si-guid",
        "orders-db",
        space,
        "space-guid",
        secretExists,
        List.of(new ServiceInstances.Binding("b-guid", "db", app)));
  }

  @Test
  void aServiceWithoutItsSecretIsAFailedInstanceSayingWhatToCreate() {
    ObjectNode failed = ServiceJson.instance(instance(false), "http://api");
    assertThat(failed.path("type").asText()).isEqualTo("user-provided");
    assertThat(failed.path("last_operation").path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("last_operation").path("description").asText())
        .startsWith("Secret orders-db not found in namespace acme-prod")
        .contains("kubectl -n acme-prod create secret generic orders-db");
    ObjectNode ok = ServiceJson.instance(instance(true), "http://api");
    assertThat(ok.path("last_operation").path("state").asText()).isEqualTo("succeeded");
    ObjectNode binding =
        ServiceJson.binding(instance(true), instance(true).bindings().get(0), "http://api");
    assertThat(binding.path("name").asText()).isEqualTo("db");
    assertThat(binding.path("type").asText()).isEqualTo("app");
    assertThat(binding.path("relationships").path("app").path("data").path("guid").asText())
        .isEqualTo(Samples.APP_GUID);
  }

  @Test
  void envHasCloudControllersFiveMaps() {
    ObjectNode env =
        AppEnvironment.json(
            Map.of("MODE", "prod"),
            Map.of(
                "MODE", "prod",
                "VCAP_SERVICES",
                    "{\"user-provided\":[{\"name\":\"db\",\"credentials\":{\"uri\":\"x\"}}]}",
                "VCAP_APPLICATION", "{\"application_name\":\"web\"}"));
    assertThat(env.path("environment_variables").path("MODE").asText()).isEqualTo("prod");
    assertThat(
            env.path("system_env_json")
                .path("VCAP_SERVICES")
                .path("user-provided")
                .get(0)
                .path("credentials")
                .path("uri")
                .asText())
        .isEqualTo("x");
    assertThat(
            env.path("application_env_json")
                .path("VCAP_APPLICATION")
                .path("application_name")
                .asText())
        .isEqualTo("web");
    assertThat(env.has("running_env_json")).isTrue();
    assertThat(env.has("staging_env_json")).isTrue();
  }

  @Test
  void featureFlagsSayHowThisFoundationBehaves() {
    assertThat(FoundationFacts.FEATURE_FLAGS).containsEntry("diego_docker", true);
    assertThat(FoundationFacts.FEATURE_FLAGS).containsEntry("app_scaling", false);
    assertThat(FoundationFacts.FEATURE_FLAGS.keySet()).first().isEqualTo("user_org_creation");
  }

  @Test
  void refusalsNameTheManifestWhenThereIsOne() {
    assertThat(WriteRefusal.message("acme/prod/web/manifest.yml", "https://git/acme.git"))
        .isEqualTo(
            "This foundation is managed through Git: change acme/prod/web/manifest.yml in"
                + " https://git/acme.git and push");
    assertThat(WriteRefusal.message(null, "https://git/acme.git"))
        .isEqualTo(
            "This foundation is managed through Git: change the manifest in https://git/acme.git"
                + " and push");
  }

  @Test
  void usageAddsUpTheContainers() {
    var metrics =
        new PodMetricsBuilder()
            .withNewMetadata()
            .withName("web-a")
            .endMetadata()
            .addNewContainer()
            .withName("app")
            .addToUsage("cpu", new Quantity("250m"))
            .addToUsage("memory", new Quantity("64Mi"))
            .endContainer()
            .addNewContainer()
            .withName("sidecar")
            .addToUsage("cpu", new Quantity("50m"))
            .addToUsage("memory", new Quantity("1Mi"))
            .endContainer()
            .build();
    PodUsage.Usage usage = MetricsApiUsage.sum(metrics);
    assertThat(usage.cpuCores()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(usage.memoryBytes()).isEqualTo(65L * 1024 * 1024);
  }

  @Test
  void aManifestIsHeadedByWhereItComesFrom() {
    String text =
        GitManifests.withHeader(
            new GitManifests.Manifest(
                "https://git/acme.git",
                "acme/prod/web/manifest.yml",
                "main@sha1:abc",
                "applications:\n- name: web # as written\n"));
    assertThat(text)
        .startsWith("# acme/prod/web/manifest.yml in https://git/acme.git at main@sha1:abc\n")
        .endsWith("applications:\n- name: web # as written\n");
  }

  @Test
  void rolesListEverySubjectAsAUser() {
    RoleAssignment developers = new RoleAssignment();
    developers.setRole("SpaceDeveloper");
    developers.setUsers(List.of("alice"));
    developers.setGroups(List.of("platform"));
    developers.setServiceAccounts(List.of("ci:deployer"));
    List<ObjectNode> roles = new ArrayList<>();
    Map<String, RoleEndpoints.User> users = new LinkedHashMap<>();
    CfRequest request = new CfRequest("GET", "/v3/roles", new LinkedHashMap<>(), "http://api");
    RoleEndpoints.addRoles(
        roles, users, developers, null, "space-guid", "2026-01-01T00:00:00Z", request);

    assertThat(roles).extracting(r -> r.path("type").asText()).containsOnly("space_developer");
    assertThat(roles.get(0).path("relationships").path("space").path("data").path("guid").asText())
        .isEqualTo("space-guid");
    assertThat(roles.get(0).path("relationships").path("organization").path("data").isNull())
        .isTrue();
    assertThat(users.values())
        .extracting(RoleEndpoints.User::username, RoleEndpoints.User::origin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", "kubernetes"),
            org.assertj.core.groups.Tuple.tuple("platform", "group"),
            org.assertj.core.groups.Tuple.tuple(
                "system:serviceaccount:ci:deployer", "serviceaccount"));
  }
}
