package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileTree;
import static dev.gitfoundry.compiler.CompilerFixtures.env;
import static dev.gitfoundry.compiler.CompilerFixtures.errors;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.routeKeys;
import static dev.gitfoundry.compiler.CompilerFixtures.valid;
import static dev.gitfoundry.compiler.CompilerFixtures.web;
import static dev.gitfoundry.compiler.CompilerFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.compiler.vars.VariableInterpolator;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cf-manifest.md §4: {@code ((vars))} as the cf CLI substitutes them (bosh template). */
class VariableInterpolationTest {
  private static Map<String, YamlNode> vars(String yamlMap) {
    Map<String, YamlNode> vars = new LinkedHashMap<>();
    ((YamlMap) yaml(yamlMap)).entries().forEach((k, v) -> vars.put(k, v.value()));
    return vars;
  }

  private static Compilation compileWith(String manifest, String variables) {
    return compile(manifest, CompilerFixtures.settings().withVariables(vars(variables)));
  }

  @Test
  void wholeValueKeepsTheVariablesType() {
    Compilation compilation =
        valid(
            compileWith(
                "applications:\n- name: a\n  instances: ((n))\n  no-route: ((off))\n"
                    + "  env: ((environment))\n",
                "{n: 2, off: true, environment: {A: x, B: 3}}"));
    assertThat(web(compilation).getInstances()).isEqualTo(2);
    assertThat(routeKeys(compilation)).isEmpty();
    assertThat(env(compilation, "a")).containsEntry("A", "x").containsEntry("B", "3");
  }

  @Test
  void wholeValueListVariable() {
    Compilation compilation =
        valid(
            compileWith(
                "applications:\n- name: a\n  buildpacks: ((bps))\n",
                "{bps: [go_buildpack, binary_buildpack]}"));
    assertThat(onlyApp(compilation).getSpec().getLifecycle().getBuildpacks())
        .containsExactly("go_buildpack", "binary_buildpack");
  }

  @Test
  void partialSubstitutionOfStringsAndIntegers() {
    Compilation compilation =
        valid(
            compileWith(
                "applications:\n- name: ((prefix))-api\n  memory: ((mem))M\n  routes:\n"
                    + "  - route: ((host)).example.com\n",
                "{prefix: shop, mem: 512, host: www}"));
    assertThat(onlyApp(compilation).getSpec().getDisplayName()).isEqualTo("shop-api");
    assertThat(web(compilation).getMemoryMB()).isEqualTo(512L);
    assertThat(routeKeys(compilation)).containsExactly("www|example.com|||http1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "true | bool | true",
        "1.5 | float64 | 1.5",
        "[a, b] | []interface {} | [a b]",
        "{k: v} | map[interface {}]interface {} | map[k:v]",
      })
  void partialSubstitutionRejectsOtherTypes(String value, String goType, String rendered) {
    Compilation compilation =
        compileWith(
            "applications:\n- name: a\n  env:\n    URL: http://((v))/x\n", "{v: " + value + "}");
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "4:10: Invalid type '"
                + goType
                + "' for value '"
                + rendered
                + "' and variable 'v'. Supported types for interpolation within a string are"
                + " integers and strings.");
  }

  @Test
  void missingVariablesAreSortedAndCommaJoined() {
    Compilation compilation =
        compile(
            "applications:\n- name: ((zeta))\n  memory: ((alpha))\n  env:\n"
                + "    A: ((mid))-((alpha))\n");
    assertThat(locatedErrors(compilation))
        .containsExactly("2:9: Expected to find variables: alpha, mid, zeta");
  }

  @Test
  void dottedNamesReadMapKeys() {
    Compilation compilation =
        valid(
            compileWith(
                "applications:\n- name: a\n  env:\n    HOST: ((db.host))\n    URL: x-((db.port))\n",
                "{db: {host: db.internal, port: 5432}}"));
    assertThat(env(compilation, "a"))
        .containsEntry("HOST", "db.internal")
        .containsEntry("URL", "x-5432");
    assertThat(errors(compileWith("applications:\n- name: ((db.name))\n", "{db: {host: h}}")))
        .containsExactly("Expected to find variables: db.name");
  }

  @Test
  void bangIsIgnoredAndKeysAreInterpolated() {
    Compilation compilation =
        valid(
            compileWith(
                "applications:\n- name: ((!n))\n  env:\n    ((key)): v\n", "{n: a, key: MY_KEY}"));
    assertThat(env(compilation, "a")).containsEntry("MY_KEY", "v");
  }

  @Test
  void commentsAreNotScannedAndValuesDoNotReexpand() {
    Compilation compilation =
        valid(
            compileWith(
                "# ((not_a_var))\napplications:\n- name: a # ((nor_this))\n  env:\n    V: ((v))\n",
                "{v: '((inner))'}"));
    assertThat(env(compilation, "a")).containsEntry("V", "((inner))");
  }

  @Test
  void spaceVarsOverrideOrgVarsAndSettingsOverrideBoth() {
    Map<String, String> files =
        Map.of(
            "acme/vars.yml", "{a: org, b: org, c: org}\n",
            "acme/prod/vars.yml", "{b: space, c: space}\n",
            "acme/prod/manifest.yml",
                "applications:\n- name: app\n  env:\n    A: ((a))\n    B: ((b))\n    C: ((c))\n");
    Compilation fromFiles = valid(compileTree(files));
    assertThat(env(fromFiles, "app"))
        .containsEntry("A", "org")
        .containsEntry("B", "space")
        .containsEntry("C", "space");
    Compilation withSettings =
        valid(compileTree(files, CompilerFixtures.settings().withVariables(vars("{c: settings}"))));
    assertThat(env(withSettings, "app"))
        .containsEntry("A", "org")
        .containsEntry("B", "space")
        .containsEntry("C", "settings");
  }

  @Test
  void orgVarsDoNotLeakIntoOtherOrgs() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/vars.yml", "{a: x}\n",
                "acme/prod/manifest.yml", "applications:\n- name: one\n  env: {A: ((a))}\n",
                "other/prod/manifest.yml", "applications:\n- name: two\n  env: {A: ((a))}\n"));
    assertThat(compilation.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo("other/prod/manifest.yml");
              assertThat(d.message()).isEqualTo("Expected to find variables: a");
            });
  }

  @Test
  void varsFileMustBeAMap() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/vars.yml", "- a\n- b\n",
                "acme/prod/manifest.yml", "applications:\n- name: one\n"));
    assertThat(compilation.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.file()).isEqualTo("acme/prod/vars.yml"));
  }

  @Test
  void interpolatorUnit() {
    VariableInterpolator.Result result =
        VariableInterpolator.interpolate(
            yaml("a: ((x))\nb: pre-((y))-post\nc: ((missing))\n"), vars("{x: 1, y: two}"));
    assertThat(result.problems())
        .extracting(VariableInterpolator.Problem::message)
        .containsExactly("Expected to find variables: missing");
    YamlMap map = (YamlMap) result.document();
    assertThat(((YamlScalar) map.get("a")).value()).isEqualTo(1L);
    assertThat(((YamlScalar) map.get("b")).value()).isEqualTo("pre-two-post");
  }
}
