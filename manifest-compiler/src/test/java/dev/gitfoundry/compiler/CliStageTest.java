package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.errors;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static dev.gitfoundry.compiler.CompilerFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §0 steps 3-5: what the cf CLI does before Cloud Controller sees anything. */
class CliStageTest {
  private static final String UNMARSHAL = "yaml: unmarshal errors:";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "  instances: \"2\"\n",
        "  instances: [1]\n",
        "  timeout: 60s\n",
        "  timeout: '60'\n",
        "  no-route: \"true\"\n",
        "  random-route: 1\n",
        "  default-route: 'yes'\n",
        "  docker: ubuntu\n",
        "  memory: [1G]\n",
        "  memory: {size: 1G}\n",
        "  path: [a]\n",
        "  health-check-type: {a: b}\n",
        "  processes:\n  - type: web\n    instances: two\n",
        "  processes:\n  - type: [web]\n",
        "  docker:\n    image: [x]\n",
      })
  void typedFieldsFailTheWholeManifest(String attribute) {
    String message = singleError("applications:\n- name: a\n" + attribute);
    assertThat(message).startsWith(UNMARSHAL);
  }

  @Test
  void unmarshalErrorIsLocatedAtTheValue() {
    assertThat(locatedErrors(compile("applications:\n- name: a\n  instances: \"2\"\n")))
        .singleElement()
        .asString()
        .startsWith("3:14: " + UNMARSHAL);
  }

  @Test
  void applicationsMustBeAList() {
    assertThat(singleError("applications:\n  a:\n    memory: 1G\n")).startsWith(UNMARSHAL);
    assertThat(singleError("applications:\n- just-a-name\n")).startsWith(UNMARSHAL);
  }

  @Test
  void untypedStringFieldsTakeAnyScalarRaw() {
    // memory is a Go string: a YAML int arrives as "512" (and then lacks a unit).
    assertThat(singleError("applications:\n- name: a\n  memory: 512\n"))
        .isEqualTo(
            forApp(
                "a",
                "Process \"web\": Memory must use a supported unit: B, K, KB, M, MB, G, GB, T,"
                    + " or TB"));
    assertThat(
            web(compileValid("applications:\n- name: a\n  health-check-type: process\n"))
                .getHealthCheck()
                .getType())
        .isEqualTo("process");
  }

  @Test
  void nameMayBeAnyScalar() {
    assertThat(
            CompilerFixtures.onlyApp(compileValid("applications:\n- name: 123\n"))
                .getSpec()
                .getDisplayName())
        .isEqualTo("123");
  }

  @Test
  void diskQuotaSpellings() {
    assertThat(singleError("applications:\n- name: a\n  disk_quota: 1G\n  disk-quota: 2G\n"))
        .isEqualTo("cannot define both `disk_quota` and `disk-quota`");
    assertThat(singleError("applications:\n- name: a\n  disk_quota: 1024\n"))
        .isEqualTo("`disk_quota` must be a string");
    assertThat(web(compileValid("applications:\n- name: a\n  disk_quota: 2G\n")).getDiskMB())
        .isEqualTo(2048L);
    assertThat(web(compileValid("applications:\n- name: a\n  disk-quota: 3G\n")).getDiskMB())
        .isEqualTo(3072L);
  }

  @Test
  void diskQuotaSpellingsInProcesses() {
    assertThat(
            singleError(
                "applications:\n- name: a\n  processes:\n  - type: web\n    disk_quota: 1G\n"
                    + "    disk-quota: 2G\n"))
        .isEqualTo("cannot define both `disk_quota` and `disk-quota`");
    assertThat(
            singleError(
                "applications:\n- name: a\n  processes:\n  - type: web\n    disk_quota: 1024\n"))
        .isEqualTo("`disk_quota` must be a string");
  }

  @Test
  void onlyVersionOne() {
    compileValid("version: 1\napplications:\n- name: a\n");
    assertThat(singleError("version: 2\napplications:\n- name: a\n"))
        .isEqualTo("Unsupported manifest schema version. Currently supported versions: [1].");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "---\n",
        "# only a comment\n",
        "applications:\n",
        "applications: []\n",
        "applications: ~\n",
        "version: 1\n",
        "name: a\nmemory: 1G\n",
      })
  void noApplications(String manifest) {
    assertThat(singleError(manifest)).isEqualTo("Manifest must have at least one application.");
  }

  @Test
  void aManifestThatIsNotAMap() {
    assertThat(singleError("- name: a\n")).startsWith(UNMARSHAL);
    assertThat(singleError("just text\n")).startsWith(UNMARSHAL);
  }

  @Test
  void aNamelessSingleAppNeedsTheNameArgument() {
    assertThat(locatedErrors(compile("applications:\n- memory: 1G\n")))
        .containsExactly(
            "2:3: Incorrect Usage: The push command requires an app name. The app name can be"
                + " supplied as an argument or with a manifest.yml file.");
    assertThat(singleError("applications:\n- name: ''\n"))
        .startsWith("Incorrect Usage: The push command requires an app name.");
    assertThat(singleError("applications:\n- name:\n"))
        .startsWith("Incorrect Usage: The push command requires an app name.");
  }

  @Test
  void aNamelessAppAmongSeveral() {
    assertThat(locatedErrors(compile("applications:\n- name: a\n- memory: 1G\n")))
        .containsExactly("3:3: Found an application with no name specified.");
  }

  @Test
  void aNullListItemIsAnEmptyStructToGoYaml() {
    assertThat(singleError("applications:\n-\n"))
        .startsWith("Incorrect Usage: The push command requires an app name.");
    assertThat(singleError("applications:\n- name: a\n-\n"))
        .isEqualTo("Found an application with no name specified.");
    assertThat(singleError("applications:\n- name: a\n  processes:\n  -\n"))
        .isEqualTo(forApp("a", "All Processes must specify a type"));
  }

  @Test
  void omitemptyDropsFalseAndZero() {
    var compilation =
        compileValid(
            "applications:\n- name: a\n  no-route: false\n  random-route: false\n  timeout: 0\n");
    assertThat(web(compilation).getTimeoutSeconds()).isNull();
    assertThat(CompilerFixtures.routeKeys(compilation))
        .containsExactly("a|apps.example.com|||http1");
  }

  @Test
  void severalCliErrorsInOneFileAreAllReported() {
    var compilation =
        compile(
            "applications:\n- name: a\n  instances: x\n  timeout: y\n- name: b\n"
                + "  disk_quota: 1\n  disk-quota: 2G\n");
    assertThat(locatedErrors(compilation)).hasSize(3);
    assertThat(errors(compilation)).filteredOn(e -> e.startsWith(UNMARSHAL)).hasSize(2);
    assertThat(locatedErrors(compilation))
        .contains("6:15: cannot define both `disk_quota` and `disk-quota`");
  }

  @Test
  void severalValidationErrorsAcrossAppsAreAllReported() {
    var compilation =
        compile(
            "applications:\n- name: a\n  memory: 1\n  env: [x]\n- name: b\n"
                + "  services: x\n  health-check-type: tcp\n");
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "3:11: "
                + forApp(
                    "a",
                    "Process \"web\": Memory must use a supported unit: B, K, KB, M, MB, G, GB, T,"
                        + " or TB"),
            "4:8: " + forApp("a", "Env must be an object of keys and values"),
            "6:13: " + forApp("b", "Services must be a list of service instances"),
            "7:22: "
                + forApp(
                    "b",
                    "Process \"web\": Health check type must be \"port\", \"process\", or"
                        + " \"http\""));
  }

  @Test
  void buildpackRules() {
    assertThat(singleError("applications:\n- name: a\n  buildpack: x\n  buildpacks: [y]\n"))
        .isEqualTo(forApp("a", "Buildpack and Buildpacks fields cannot be used together."));
    assertThat(singleError("applications:\n- name: a\n  buildpacks: go\n"))
        .isEqualTo(forApp("a", "Buildpacks must be an array"));
    assertThat(singleError("applications:\n- name: a\n  buildpacks: [1]\n"))
        .isEqualTo(forApp("a", "Buildpacks can only contain strings"));
    assertThat(singleError("applications:\n- name: a\n  buildpacks: ['']\n"))
        .isEqualTo(forApp("a", "Buildpacks entries must be between 1 and 4096 characters"));
    assertThat(singleError("applications:\n- name: a\n  buildpack: [x]\n"))
        .isEqualTo(forApp("a", "Buildpack must be a string"));
    assertThat(
            singleError("applications:\n- name: a\n  buildpacks: [x]\n  docker:\n    image: i\n"))
        .isEqualTo(forApp("a", "Cannot specify both buildpack(s) and docker keys"));
    assertThat(
            CompilerFixtures.onlyApp(
                    compileValid("applications:\n- name: a\n  buildpack: default\n"))
                .getSpec()
                .getLifecycle()
                .getBuildpacks())
        .isNull();
  }

  @Test
  void lifecycles() {
    var docker =
        CompilerFixtures.onlyApp(
                compileValid(
                    "applications:\n- name: a\n  docker:\n    image: nginx:1.27\n"
                        + "    username: deployer\n"))
            .getSpec()
            .getLifecycle();
    assertThat(docker.getType()).isEqualTo(dev.gitfoundry.api.v1alpha1.LifecycleType.DOCKER);
    assertThat(docker.getImage()).isEqualTo("nginx:1.27");
    assertThat(docker.getUsername()).isEqualTo("deployer");
    var cnb =
        CompilerFixtures.onlyApp(
                compileValid("applications:\n- name: a\n  lifecycle: cnb\n  buildpacks: [x]\n"))
            .getSpec()
            .getLifecycle();
    assertThat(cnb.getType()).isEqualTo(dev.gitfoundry.api.v1alpha1.LifecycleType.CNB);
    assertThat(cnb.getBuildpacks()).containsExactly("x");
    var buildpack =
        CompilerFixtures.onlyApp(compileValid("applications:\n- name: a\n  stack: cflinuxfs4\n"))
            .getSpec()
            .getLifecycle();
    assertThat(buildpack.getType()).isEqualTo(dev.gitfoundry.api.v1alpha1.LifecycleType.BUILDPACK);
    assertThat(buildpack.getStack()).isEqualTo("cflinuxfs4");
    assertThat(buildpack.getBuildpacks()).isNull();
  }

  @Test
  void nameLength() {
    String name = "n".repeat(256);
    assertThat(errors(compile("applications:\n- name: " + name + "\n  no-route: true\n")))
        .containsExactly(forApp(name, "Name is too long (maximum is 255 characters)"));
  }

  @Test
  void featuresMustBeKnownBooleans() {
    var app =
        CompilerFixtures.onlyApp(
            compileValid(
                "applications:\n- name: a\n  features:\n    ssh: true\n    revisions: false\n"));
    assertThat(app.getSpec().getFeatures())
        .containsEntry("ssh", true)
        .containsEntry("revisions", false);
    String message =
        forApp(
            "a",
            "Features must be a map of valid feature names to booleans (true = enabled, false ="
                + " disabled)");
    assertThat(singleError("applications:\n- name: a\n  features:\n    ssh: 'yes'\n"))
        .isEqualTo(message);
    assertThat(singleError("applications:\n- name: a\n  features:\n    teleport: true\n"))
        .isEqualTo(message);
    assertThat(singleError("applications:\n- name: a\n  features: [ssh]\n")).isEqualTo(message);
  }
}
