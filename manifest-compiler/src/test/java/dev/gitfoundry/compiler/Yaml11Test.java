package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.env;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedWarnings;
import static dev.gitfoundry.compiler.CompilerFixtures.routeKeys;
import static dev.gitfoundry.compiler.CompilerFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlReader;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import dev.gitfoundry.compiler.yaml.YamlWarning;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cf-manifest.md §0 step 2: go-yaml v2 (YAML 1.1) scalars, anchors, merge keys. */
class Yaml11Test {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "yes, true",
    "Yes, true",
    "YES, true",
    "no, false",
    "on, true",
    "off, false",
    "true, true",
    "False, false",
  })
  void booleans(String text, boolean expected) throws Exception {
    YamlNode node = new YamlReader().read(("v: " + text).getBytes(StandardCharsets.UTF_8), w -> {});
    assertThat(((YamlScalar) ((YamlMap) node).get("v")).value()).isEqualTo(expected);
  }

  @Test
  void noRouteYesIsABoolean() {
    assertThat(routeKeys(compileValid("applications:\n- name: a\n  no-route: yes\n"))).isEmpty();
  }

  @Test
  void envOnOffBecomeBooleans() {
    assertThat(env(compileValid("applications:\n- name: a\n  env:\n    A: on\n    B: No\n"), "a"))
        .containsEntry("A", "true")
        .containsEntry("B", "false");
  }

  @Test
  void anchorsAliasesAndMergeKeysAreExpanded() {
    Compilation compilation =
        compileValid(
            "defaults: &defaults\n  memory: 256M\n  instances: 2\n  env: &env\n    A: 1\n"
                + "applications:\n- name: a\n  <<: *defaults\n  instances: 3\n"
                + "- name: b\n  <<: *defaults\n  env: *env\n");
    assertThat(
            CompilerFixtures.process(CompilerFixtures.app(compilation, "a"), "web").getMemoryMB())
        .isEqualTo(256L);
    assertThat(
            CompilerFixtures.process(CompilerFixtures.app(compilation, "a"), "web").getInstances())
        .isEqualTo(3);
    assertThat(
            CompilerFixtures.process(CompilerFixtures.app(compilation, "b"), "web").getInstances())
        .isEqualTo(2);
    assertThat(env(compilation, "b")).containsEntry("A", "1");
    assertThat(env(compilation, "a")).containsEntry("A", "1");
    // The anchor holder is a dropped top-level key: a warning, not an error.
    assertThat(CompilerFixtures.warnings(compilation))
        .anySatisfy(w -> assertThat(w).contains("'defaults'"));
  }

  @Test
  void mergeOfAListOfMapsEarlierWins() {
    Compilation compilation =
        compileValid(
            "x: &x {memory: 128M}\ny: &y {memory: 512M, instances: 2}\n"
                + "applications:\n- name: a\n  <<: [*x, *y]\n");
    assertThat(web(compilation).getMemoryMB()).isEqualTo(128L);
    assertThat(web(compilation).getInstances()).isEqualTo(2);
  }

  @Test
  void manyAliasesOfASmallAnchorAreFine() {
    StringBuilder yaml = new StringBuilder("defaults: &d\n  memory: 64M\n  no-route: true\n");
    yaml.append("applications:\n");
    for (int i = 0; i < 300; i++) {
      yaml.append("- name: app").append(i).append("\n  <<: *d\n");
    }
    Compilation compilation = compileValid(yaml.toString());
    assertThat(CompilerFixtures.apps(compilation)).hasSize(300);
    assertThat(CompilerFixtures.apps(compilation))
        .allSatisfy(
            a -> assertThat(CompilerFixtures.process(a, "web").getMemoryMB()).isEqualTo(64L));
  }

  @Test
  void duplicateKeysWarnAndTheLastWins() {
    Compilation compilation = compile("applications:\n- name: a\n  memory: 128M\n  memory: 256M\n");
    assertThat(compilation.valid()).isTrue();
    assertThat(web(compilation).getMemoryMB()).isEqualTo(256L);
    assertThat(locatedWarnings(compilation))
        .anySatisfy(w -> assertThat(w).startsWith("4:3: ").contains("duplicate key 'memory'"));
  }

  @Test
  void duplicateKeyWarningFromTheReader() throws Exception {
    List<YamlWarning> warnings = new ArrayList<>();
    new YamlReader().read("a: 1\nb: 2\na: 3\n".getBytes(StandardCharsets.UTF_8), warnings::add);
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.message()).contains("duplicate key 'a'");
              assertThat(w.position().line()).isEqualTo(3);
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "010 | 8",
        "0x10 | 16",
        "1_000 | 1000",
        "~ | ",
        "2024-01-02 | 2024-01-02",
        "'\"yes\"' | yes",
      })
  void scalars(String text, String expectedEnv) {
    assertThat(env(compileValid("applications:\n- name: a\n  env:\n    V: " + text + "\n"), "a"))
        .containsEntry("V", expectedEnv == null ? "" : expectedEnv);
  }

  @Test
  void positionsAreOneBased() throws Exception {
    YamlMap map =
        (YamlMap)
            new YamlReader().read("a:\n  b: [1, 2]\n".getBytes(StandardCharsets.UTF_8), w -> {});
    YamlMap inner = (YamlMap) map.get("a");
    assertThat(inner.entries().get("b").keyPosition().line()).isEqualTo(2);
    assertThat(inner.entries().get("b").keyPosition().column()).isEqualTo(3);
  }

  @Test
  void syntaxErrorsAreLocated() {
    Compilation compilation = compile("applications:\n- name: a\n  env: [unclosed\n");
    assertThat(compilation.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).startsWith("yaml: ");
              assertThat(d.line()).isGreaterThanOrEqualTo(3);
            });
  }

  @Test
  void tabsIndentationIsASyntaxError() {
    Compilation compilation = compile("applications:\n- name: a\n\tmemory: 1G\n");
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.errors().get(0).message()).startsWith("yaml: ");
  }
}
