package dev.gitfoundry.compiler.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.compiler.ManifestCompiler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files for the example repositories: what each compiles to (or the diagnostics it yields).
 * Regenerate after an intended change with {@code -Dgolden.update=true}, then review the diff like
 * any other change.
 */
class ExampleRepositoriesTest {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @ParameterizedTest
  @ValueSource(strings = {"hello", "acme", "mistakes"})
  void compilesToItsGoldenFile(String repository) throws IOException {
    Path root = DirectoryTree.projectRoot();
    Compilation compilation =
        ManifestCompiler.compile(
            DirectoryTree.read(root.resolve("examples/repos/" + repository)),
            CompilerSettings.forSource(repository, "gitfoundry", ""));

    String actual = render(compilation);
    Path golden =
        root.resolve("manifest-compiler/src/test/resources/golden/" + repository + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    assertThat(compilation.valid()).isEqualTo(!repository.equals("mistakes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "acme"})
  void compilingTwiceGivesTheSameObjects(String repository) {
    Path root = DirectoryTree.projectRoot().resolve("examples/repos/" + repository);
    CompilerSettings settings = CompilerSettings.forSource(repository, "gitfoundry", "");
    Compilation first = ManifestCompiler.compile(DirectoryTree.read(root), settings);
    Compilation second = ManifestCompiler.compile(DirectoryTree.read(root), settings);
    assertThat(render(second)).isEqualTo(render(first));
  }

  private static String render(Compilation compilation) {
    String diagnostics =
        compilation.diagnostics().stream()
            .map(Diagnostic::format)
            .collect(Collectors.joining("\n"));
    String objects =
        compilation.objects().stream()
            .map(ExampleRepositoriesTest::yaml)
            .collect(Collectors.joining("---\n"));
    return "# diagnostics\n" + diagnostics + "\n# objects\n" + objects;
  }

  private static String yaml(HasMetadata object) {
    try {
      return YAML.writeValueAsString(object);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
