package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input becomes a located error diagnostic, never an exception, a hang or an OOM. */
class SafeYamlTest {

  private static Compilation compileBytes(byte[] bytes) {
    return ManifestCompiler.compile(
        SourceTree.of(Map.of("manifest.yml", SourceTree.SourceFile.regular(bytes))),
        CompilerFixtures.settings());
  }

  private static void assertRejected(Compilation compilation, String messageStart) {
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.objects()).isEmpty();
    assertThat(compilation.errors())
        .anySatisfy(d -> assertThat(d.message()).startsWith(messageStart));
  }

  @Test
  void billionLaughs() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    yaml.append("applications:\n- name: x\n  env:\n    BOOM: *j\n");
    Compilation compilation =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> compile(yaml.toString()));
    assertRejected(compilation, "yaml: ");
  }

  @Test
  void manyAliasesOfAMediumMap() {
    StringBuilder yaml = new StringBuilder("big: &big\n");
    for (int i = 0; i < 2000; i++) {
      yaml.append("  k").append(i).append(": v\n");
    }
    yaml.append("applications:\n");
    for (int i = 0; i < 200; i++) {
      yaml.append("- name: a").append(i).append("\n  env: *big\n");
    }
    Compilation compilation =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> compile(yaml.toString()));
    assertRejected(compilation, "yaml: ");
  }

  @Test
  void aRecursiveAlias() {
    Compilation compilation = compile("a: &a\n  b: *a\napplications:\n- name: x\n");
    assertRejected(compilation, "yaml: ");
  }

  @Test
  void overOneMegabyte() {
    byte[] big =
        ("applications:\n- name: a\n  env:\n    X: \"" + "x".repeat(1024 * 1024) + "\"\n")
            .getBytes(StandardCharsets.UTF_8);
    Compilation compilation = compileBytes(big);
    assertThat(compilation.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message())
                  .isEqualTo("Manifest size is too large. The maximum supported size is 1MB.");
              assertThat(d.line()).isEqualTo(1);
            });
  }

  @Test
  void exactlyOneMegabyteIsFine() {
    String head = "applications:\n- name: a\n  env:\n    X: \"";
    String tail = "\"\n";
    int fill = 1024 * 1024 - head.length() - tail.length();
    Compilation compilation =
        compileBytes((head + "x".repeat(fill) + tail).getBytes(StandardCharsets.UTF_8));
    assertThat(compilation.errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "applications:\n- name: !!python/object:os.system x\n",
        "applications:\n- !!python/object/apply:os.system [\"ls\"]\n",
        "applications: !!java.util.ArrayList []\n",
        "applications:\n- name: a\n  env: !custom {A: 1}\n",
        "applications:\n- name: a\n  env:\n    A: !!binary aGVsbG8=\n    B: !ruby/object:Gem::Installer x\n",
      })
  void customTagsAreRejected(String yaml) {
    assertRejected(compile(yaml), "yaml: ");
  }

  @Test
  void invalidUtf8() {
    byte[] bytes = {'a', 'p', 'p', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
    Compilation compilation = compileBytes(bytes);
    assertRejected(compilation, "yaml: ");
  }

  @Test
  void binaryGarbage() {
    byte[] bytes = new byte[4096];
    new java.util.Random(42).nextBytes(bytes);
    Compilation compilation = compileBytes(bytes);
    assertThat(compilation.valid()).isFalse();
  }

  @Test
  void deepNesting() {
    String yaml =
        "applications:\n- name: a\n  env:\n    A: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    Compilation compilation =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> compile(yaml));
    assertRejected(compilation, "yaml: ");
  }

  @Test
  void controlCharacters() {
    Compilation compilation = compile("applications:\n- name: a\u0001b\n");
    assertThat(compilation.valid()).isFalse();
  }

  @Test
  void aByteOrderMarkIsFine() {
    Compilation compilation =
        compileBytes(("\uFEFFapplications:\n- name: a\n").getBytes(StandardCharsets.UTF_8));
    assertThat(compilation.errors()).isEmpty();
  }
}
