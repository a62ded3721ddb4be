package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedWarnings;
import static dev.gitfoundry.compiler.CompilerFixtures.routeKeys;
import static dev.gitfoundry.compiler.CompilerFixtures.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §1, §3 and §5: what cf v7+ silently drops is reported as a warning. */
class DeprecationWarningsTest {

  @Test
  void topLevelGlobalsAreDroppedWithAWarningEach() {
    Compilation compilation =
        compileValid("memory: 2G\nenv:\n  A: 1\nservices: [db]\napplications:\n- name: a\n");
    assertThat(locatedWarnings(compilation))
        .anySatisfy(w -> assertThat(w).startsWith("1:1: ").contains("'memory'"))
        .anySatisfy(w -> assertThat(w).startsWith("2:1: ").contains("'env'"))
        .anySatisfy(w -> assertThat(w).startsWith("4:1: ").contains("'services'"));
    assertThat(CompilerFixtures.web(compilation).getMemoryMB()).isEqualTo(1024L);
    assertThat(CompilerFixtures.env(compilation, "a")).isEmpty();
    assertThat(CompilerFixtures.onlyApp(compilation).getSpec().getServices()).isEmpty();
  }

  @Test
  void inheritIsIgnored() {
    Compilation compilation = compileValid("inherit: base.yml\napplications:\n- name: a\n");
    assertThat(locatedWarnings(compilation))
        .singleElement()
        .asString()
        .startsWith("1:1: ")
        .contains("'inherit'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "host: www",
        "hosts: [www, api]",
        "domain: example.com",
        "domains: [example.com]",
        "no-hostname: true",
      })
  void v6RouteKeysAreIgnoredAndTheDefaultRouteApplies(String attribute) {
    Compilation compilation = compileValid("applications:\n- name: a\n  " + attribute + "\n");
    String key = attribute.substring(0, attribute.indexOf(':'));
    assertThat(locatedWarnings(compilation))
        .anySatisfy(w -> assertThat(w).startsWith("3:3: ").contains("'" + key + "'"));
    assertThat(routeKeys(compilation)).containsExactly("a|apps.example.com|||http1");
  }

  @Test
  void v6RouteKeysNextToRoutesAreIgnoredToo() {
    Compilation compilation =
        compileValid("applications:\n- name: a\n  host: x\n  routes:\n  - route: b.example.com\n");
    assertThat(routeKeys(compilation)).containsExactly("b|example.com|||http1");
    assertThat(warnings(compilation)).anySatisfy(w -> assertThat(w).contains("'host'"));
  }

  @Test
  void randomWordPlaceholderIsLiteral() {
    Compilation compilation =
        compileValid(
            "applications:\n- name: a\n  env:\n    HOST: x-${random-word}\n    OTHER: ${HOME}\n");
    assertThat(locatedWarnings(compilation))
        .anySatisfy(w -> assertThat(w).startsWith("4:11: ").contains("${random-word}"))
        .anySatisfy(w -> assertThat(w).startsWith("5:12: ").contains("${HOME}"));
    assertThat(CompilerFixtures.env(compilation, "a")).containsEntry("HOST", "x-${random-word}");
  }

  @Test
  void unknownAppKeysWarn() {
    Compilation compilation =
        compileValid("applications:\n- name: a\n  colour: blue\n  memroy: 1G\n");
    assertThat(locatedWarnings(compilation))
        .anySatisfy(w -> assertThat(w).startsWith("3:3: ").contains("'colour'"))
        .anySatisfy(w -> assertThat(w).startsWith("4:3: ").contains("'memroy'"));
  }

  @Test
  void knownKeysInAnySpellingDoNotWarn() {
    Compilation compilation =
        compileValid(
            "applications:\n- name: a\n  healthCheckType: port\n  disk_quota: 1G\n"
                + "  log-rate-limit-per-second: 1K\n  readiness_health_check_type: process\n");
    assertThat(warnings(compilation)).isEmpty();
  }

  @Test
  void singularBuildpackIsDeprecated() {
    Compilation compilation = compileValid("applications:\n- name: a\n  buildpack: go_buildpack\n");
    assertThat(warnings(compilation)).anySatisfy(w -> assertThat(w).contains("'buildpack'"));
    assertThat(CompilerFixtures.onlyApp(compilation).getSpec().getLifecycle().getBuildpacks())
        .containsExactly("go_buildpack");
  }
}
