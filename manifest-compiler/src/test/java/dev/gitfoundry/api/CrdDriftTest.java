package dev.gitfoundry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitfoundryResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * chart/crds/ must hold exactly the CRDs the build generates from dev.gitfoundry.api.v1alpha1
 * (crd-generator-maven-plugin, phase process-classes, into target/classes/META-INF/fabric8/).
 */
class CrdDriftTest {
  static final String UPDATE_COMMAND =
      "./mvnw -B -pl manifest-compiler -Pupdate-crds process-classes";
  private static final String GENERATED_SUFFIX = "-v1.yml";
  private static final String CHART_SUFFIX = ".yaml";

  private final Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private final Path generatedDir = moduleDir.resolve("target/classes/META-INF/fabric8");
  private final Path chartDir = moduleDir.resolveSibling("chart").resolve("crds");

  @Test
  void everyResourceClassHasAGeneratedCrd() throws IOException {
    Map<String, String> generated = generated();
    for (Class<? extends HasMetadata> type :
        List.of(GitSource.class, CFOrg.class, CFSpace.class, CFApp.class, CFRoute.class)) {
      assertThat(generated)
          .as("CRD generated for %s (crd-generator-maven-plugin scans the package)", type)
          .containsKey(HasMetadata.getFullResourceName(type));
    }
  }

  @Test
  void chartCrdsMatchTheGeneratedCrds() throws IOException {
    Map<String, String> generated = generated();
    Map<String, String> chart = read(chartDir, CHART_SUFFIX);
    List<String> problems = new ArrayList<>();
    generated.forEach(
        (name, yaml) -> {
          String committed = chart.get(name);
          if (committed == null) {
            problems.add("missing: chart/crds/" + name + CHART_SUFFIX);
          } else if (!committed.equals(yaml)) {
            problems.add(
                "differs: chart/crds/" + name + CHART_SUFFIX + firstDifference(committed, yaml));
          }
        });
    chart.keySet().stream()
        .filter(name -> !generated.containsKey(name))
        .forEach(name -> problems.add("stale: chart/crds/" + name + CHART_SUFFIX));
    if (!problems.isEmpty()) {
      fail(
          "chart/crds/ is out of date with the CRD classes; update it with\n  "
              + UPDATE_COMMAND
              + "\n"
              + String.join("\n", problems));
    }
  }

  private Map<String, String> generated() throws IOException {
    Map<String, String> generated = read(generatedDir, GENERATED_SUFFIX);
    if (generated.isEmpty()) {
      fail(
          "no generated CRDs in "
              + generatedDir
              + "; they are generated at process-classes: ./mvnw -B -pl manifest-compiler"
              + " process-classes");
    }
    return generated;
  }

  /** CRD files of our group in dir, keyed by CRD name, line endings normalized. */
  private static Map<String, String> read(Path dir, String suffix) throws IOException {
    String fileSuffix = "." + GitfoundryResource.GROUP + suffix;
    Map<String, String> crds = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return crds;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(fileSuffix)).toList()) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - suffix.length());
        crds.put(name, Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
      }
    }
    return crds;
  }

  private static String firstDifference(String committed, String generated) {
    String[] a = committed.split("\n", -1);
    String[] b = generated.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "<end of file>";
      String right = i < b.length ? b[i] : "<end of file>";
      if (!left.equals(right)) {
        return " at line " + (i + 1) + ": chart has [" + left + "], generated [" + right + "]";
      }
    }
    return "";
  }
}
