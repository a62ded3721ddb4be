package dev.gitfoundry.compiler.benchmark;

import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Compiles a synthetic repository of 10,000 apps and compares the time with the baseline, only
 * parsing the same bytes with SnakeYAML, in the same process. Target: compile ≤ 2× parse. Run with
 * {@code bash tests/bench.sh compile}.
 */
public final class CompilerBenchmark {
  private static final int ORGS = 10;
  private static final int SPACES_PER_ORG = 10;
  private static final int APPS_PER_SPACE = 100;
  private static final int ROUNDS = 7;

  private CompilerBenchmark() {}

  public static void main(String[] args) {
    SourceTree tree = syntheticRepository();
    List<byte[]> manifests = new ArrayList<>();
    tree.files().forEach((path, file) -> manifests.add(file.content()));
    long bytes = manifests.stream().mapToLong(b -> b.length).sum();
    CompilerSettings settings = CompilerSettings.forSource("bench", "gitfoundry", "");

    long[] parse = new long[ROUNDS];
    long[] compile = new long[ROUNDS];
    int objects = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      parseOnly(manifests);
      parse[round] = System.nanoTime() - start;
      start = System.nanoTime();
      Compilation compilation = ManifestCompiler.compile(tree, settings);
      compile[round] = System.nanoTime() - start;
      if (!compilation.valid()) {
        throw new IllegalStateException(
            "synthetic repository must compile: " + compilation.errors().get(0));
      }
      objects = compilation.objects().size();
    }
    double parseMs = median(parse) / 1e6;
    double compileMs = median(compile) / 1e6;
    System.out.printf(
        "apps=%d files=%d bytes=%d objects=%d rounds=%d (first two are warm-up; medians of all)%n",
        ORGS * SPACES_PER_ORG * APPS_PER_SPACE, tree.files().size(), bytes, objects, ROUNDS);
    System.out.printf("snakeyaml parse only: %.0f ms%n", parseMs);
    System.out.printf("full compile:         %.0f ms%n", compileMs);
    System.out.printf("ratio compile/parse:  %.2f (target <= 2.0)%n", compileMs / parseMs);
    bench("compile.apps", ORGS * SPACES_PER_ORG * APPS_PER_SPACE, "apps");
    bench("compile.objects", objects, "objects");
    bench("compile.baseline_parse_ms", parseMs, "ms");
    bench("compile.compile_ms", compileMs, "ms");
    bench("compile.ratio", compileMs / parseMs, "x");
  }

  /** The machine-readable line of one figure (see tests/bench.sh). */
  private static void bench(String name, double value, String unit) {
    System.out.println(
        "bench "
            + name
            + " "
            + (value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value))
            + " "
            + unit);
  }

  private static void parseOnly(List<byte[]> manifests) {
    for (byte[] manifest : manifests) {
      new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new String(manifest, StandardCharsets.UTF_8));
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static SourceTree syntheticRepository() {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    files.put(
        "foundation.yml",
        SourceTree.SourceFile.regular(
            "domains: [apps.example.com]\n".getBytes(StandardCharsets.UTF_8)));
    for (int org = 0; org < ORGS; org++) {
      for (int space = 0; space < SPACES_PER_ORG; space++) {
        String dir = "org" + org + "/space" + space;
        files.put(
            dir + "/vars.yml",
            SourceTree.SourceFile.regular(
                "mem: 256M\nreplicas: 2\n".getBytes(StandardCharsets.UTF_8)));
        for (int app = 0; app < APPS_PER_SPACE; app++) {
          String name = "app" + app;
          files.put(
              dir + "/" + name + "/manifest.yml",
              SourceTree.SourceFile.regular(
                  manifest(name, org, space).getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return SourceTree.of(files);
  }

  private static String manifest(String name, int org, int space) {
    return "---\n"
        + "applications:\n"
        + "  - name: "
        + name
        + "\n"
        + "    docker:\n"
        + "      image: registry.example.com/team/"
        + name
        + ":1.0\n"
        + "    instances: ((replicas))\n"
        + "    memory: ((mem))\n"
        + "    disk_quota: 512M\n"
        + "    health-check-type: http\n"
        + "    health-check-http-endpoint: /health\n"
        + "    routes:\n"
        + "      - route: "
        + name
        + "-o"
        + org
        + "-s"
        + space
        + ".apps.example.com\n"
        + "    services:\n"
        + "      - db\n"
        + "    env:\n"
        + "      LOG_LEVEL: info\n"
        + "      FEATURE_X: true\n"
        + "      POOL: 10\n"
        + "    processes:\n"
        + "      - type: worker\n"
        + "        command: ./worker\n"
        + "        instances: 1\n"
        + "        memory: 128M\n";
  }
}
