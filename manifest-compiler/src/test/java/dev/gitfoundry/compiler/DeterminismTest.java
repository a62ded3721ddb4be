package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.apps;
import static dev.gitfoundry.compiler.CompilerFixtures.compileTree;
import static dev.gitfoundry.compiler.CompilerFixtures.json;
import static dev.gitfoundry.compiler.CompilerFixtures.objects;
import static dev.gitfoundry.compiler.CompilerFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.compiler.repository.KubernetesNames;
import dev.gitfoundry.compiler.repository.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same input, same output; readable, valid and collision-free Kubernetes names; stable GUIDs. */
class DeterminismTest {
  private static final Pattern DNS_1035 = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");

  private static Map<String, String> repository() {
    Map<String, String> files = new TreeMap<>();
    files.put(
        "Acme Corp/Prod_EU/manifest.yml",
        "applications:\n- name: My_API\n  random-route: true\n  env: {B: 2, A: 1}\n"
            + "- name: worker\n  no-route: true\n  processes:\n  - type: worker\n  - type: web\n");
    files.put(
        "acme/dev/manifest.yml",
        "applications:\n- name: api\n  routes:\n  - route: z.example.com\n  - route: a.example.com\n");
    return files;
  }

  @Test
  void compilingTwiceGivesEqualObjects() {
    Compilation first = valid(compileTree(repository()));
    Compilation second = valid(compileTree(repository()));
    assertThat(json(second)).isEqualTo(json(first));
    assertThat(second.diagnostics()).isEqualTo(first.diagnostics());
  }

  @Test
  void fileOrderDoesNotMatter() {
    Map<String, String> reversed = new LinkedHashMap<>();
    new TreeMap<>(repository()).descendingMap().forEach(reversed::put);
    assertThat(json(valid(compileTree(reversed))))
        .isEqualTo(json(valid(compileTree(repository()))));
  }

  @Test
  void everyNameIsAValidKubernetesName() {
    Compilation compilation = valid(compileTree(repository()));
    assertThat(compilation.objects())
        .allSatisfy(
            o -> {
              assertThat(o.getMetadata().getName()).matches(DNS_1035).hasSizeLessThanOrEqualTo(63);
              if (o.getMetadata().getNamespace() != null) {
                assertThat(o.getMetadata().getNamespace()).matches(DNS_1035);
              }
            });
    CFApp api = CompilerFixtures.app(compilation, "My_API");
    assertThat(api.getMetadata().getName()).matches("my-api-[0-9a-f]{6}");
    assertThat(objects(compilation, CFSpace.class))
        .extracting(s -> s.getSpec().getDisplayName())
        .contains("Prod_EU");
  }

  @Test
  void appGuidsAreStableUuidsThatDependOnIdentity() {
    Compilation compilation = valid(compileTree(repository()));
    Map<String, String> guids = new TreeMap<>();
    apps(compilation)
        .forEach(
            a ->
                guids.put(
                    a.getMetadata().getNamespace() + "/" + a.getSpec().getDisplayName(),
                    a.getMetadata().getLabels().get(Labels.APP_GUID)));
    assertThat(guids.values()).doesNotHaveDuplicates().allSatisfy(g -> UUID.fromString(g));
    Compilation again = valid(compileTree(repository()));
    apps(again)
        .forEach(
            a ->
                assertThat(a.getMetadata().getLabels().get(Labels.APP_GUID))
                    .isEqualTo(
                        guids.get(
                            a.getMetadata().getNamespace() + "/" + a.getSpec().getDisplayName())));
    Compilation otherSource =
        valid(
            ManifestCompiler.compile(
                CompilerFixtures.tree(repository()),
                CompilerSettings.forSource("other", "gitfoundry", "")
                    .withDomains(CompilerFixtures.DOMAINS)));
    assertThat(apps(otherSource))
        .allSatisfy(
            a ->
                assertThat(guids)
                    .doesNotContainValue(a.getMetadata().getLabels().get(Labels.APP_GUID)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "my-app", "a1", "worker-2"})
  void validNamesStayAsTheyAre(String name) {
    assertThat(KubernetesNames.label(name, 63)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My App",
        "my_app",
        "MY-APP",
        "1st-app",
        "app.",
        "-x-",
        "ünïcödé",
        "日本",
        "a--b",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void invalidNamesGetAReadableNameAndAHash(String name) {
    String label = KubernetesNames.label(name, 45);
    assertThat(label).matches(DNS_1035).hasSizeLessThanOrEqualTo(45);
    assertThat(label).matches(".*-[0-9a-f]{6}$");
    assertThat(KubernetesNames.label(name, 45)).isEqualTo(label);
  }

  @Test
  void namesThatCleanUpAlikeDoNotCollide() {
    assertThat(Names.app("My App"))
        .isNotEqualTo(Names.app("my-app"))
        .isNotEqualTo(Names.app("my_app"));
    assertThat(Names.app("My App")).startsWith("my-app-");
  }

  @Test
  void namespacesCombineOrgAndSpace() {
    assertThat(Names.space("acme", "prod")).isEqualTo("acme-prod");
    assertThat(Names.space("a".repeat(60), "b".repeat(60)))
        .matches(DNS_1035)
        .hasSizeLessThanOrEqualTo(63);
  }

  @Test
  void appsThatMapToTheSameNameCollideLoudly() {
    // "a-b" and "a--b" are distinct CF names; their Kubernetes names must differ.
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/manifest.yml",
                "applications:\n- name: a-b\n  no-route: true\n- name: a--b\n  no-route: true\n"));
    valid(compilation);
    assertThat(apps(compilation))
        .extracting(a -> a.getMetadata().getName())
        .doesNotHaveDuplicates();
  }
}
