package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §3.4: metadata labels and annotations (CC's metadata_validator). */
class MetadataRulesTest {
  private static String app(String metadata) {
    return "applications:\n- name: a\n  metadata:\n" + metadata;
  }

  private static CFMetadata metadata(String metadata) {
    return onlyApp(compileValid(app(metadata))).getSpec().getCfMetadata();
  }

  @Test
  void labelsAndAnnotationsAreStringified() {
    CFMetadata metadata =
        metadata(
            "    labels:\n      tier: backend\n      example.com/team: payments\n"
                + "      empty: ''\n      count: 3\n"
                + "    annotations:\n      sensitive: true\n      note: free text, with spaces!\n"
                + "      gone: null\n");
    assertThat(metadata.getLabels())
        .containsEntry("tier", "backend")
        .containsEntry("example.com/team", "payments")
        .containsEntry("empty", "")
        .containsEntry("count", "3")
        .hasSize(4);
    assertThat(metadata.getAnnotations())
        .containsEntry("sensitive", "true")
        .containsEntry("note", "free text, with spaces!")
        .doesNotContainKey("gone");
  }

  @Test
  void metadataMustBeAnObject() {
    assertThat(singleError("applications:\n- name: a\n  metadata: labels\n"))
        .isEqualTo(forApp("a", "Metadata must be an object"));
  }

  @Test
  void unexpectedFields() {
    assertThat(singleError(app("    tags:\n      a: b\n")))
        .isEqualTo(forApp("a", "Metadata has unexpected field(s): 'tags'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"labels", "annotations"})
  void sectionsMustBeObjects(String section) {
    assertThat(singleError(app("    " + section + ": [a, b]\n")))
        .isEqualTo(forApp("a", "Metadata '" + section + "' is not an object"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'has space' | Metadata label key error: 'has space' contains invalid characters",
        "-dash | Metadata label key error: '-dash' contains invalid characters",
        "a/b/c | Metadata label key error: 'a/b/c' key has more than one '/'",
        "cloudfoundry.org/x | Metadata label key error: prefix 'cloudfoundry.org' is reserved",
      })
  void labelKeyErrors(String key, String message) {
    assertThat(singleError(app("    labels:\n      " + key + ": v\n")))
        .isEqualTo(forApp("a", message));
  }

  @Test
  void labelNamesAreAtMost63Characters() {
    assertThat(singleError(app("    labels:\n      " + "k".repeat(64) + ": v\n")))
        .startsWith(forApp("a", "Metadata label key error: "));
    assertThat(metadata("    labels:\n      " + "k".repeat(63) + ": v\n").getLabels()).hasSize(1);
  }

  @Test
  void annotationKeysFollowTheSameRules() {
    assertThat(singleError(app("    annotations:\n      cloudfoundry.org/x: v\n")))
        .isEqualTo(
            forApp("a", "Metadata annotation key error: prefix 'cloudfoundry.org' is reserved"));
  }

  @Test
  void labelValueErrors() {
    assertThat(singleError(app("    labels:\n      k: 'two words'\n")))
        .startsWith(forApp("a", "Metadata label value error: 'two words'"));
    assertThat(singleError(app("    labels:\n      k: " + "v".repeat(64) + "\n")))
        .startsWith(forApp("a", "Metadata label value error: '" + "v".repeat(64) + "'"));
  }

  @Test
  void annotationValuesUpTo5000Characters() {
    assertThat(metadata("    annotations:\n      k: " + "v".repeat(5000) + "\n").getAnnotations())
        .hasSize(1);
    assertThat(singleError(app("    annotations:\n      k: " + "v".repeat(5001) + "\n")))
        .startsWith(forApp("a", "Metadata annotation value error: "));
  }

  @Test
  void everyMetadataErrorIsReported() {
    Compilation compilation =
        compile(app("    labels:\n      'a b': v\n      k: 'x y'\n    extra: 1\n"));
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "5:7: " + forApp("a", "Metadata label key error: 'a b' contains invalid characters"),
            "6:10: " + forApp("a", "Metadata label value error: 'x y' contains invalid characters"),
            "7:5: " + forApp("a", "Metadata has unexpected field(s): 'extra'"));
  }
}
