package dev.gitfoundry.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gitfoundry.compiler.yaml.YamlNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for any bytes, {@link ManifestCompiler#compile} returns (never throws, never hangs),
 * and the result is either valid with objects or carries at least one error diagnostic. Inputs are
 * seeded random YAML-ish token soups and mutations of the real-world corpus, so a failure is
 * reproducible from the printed seed and case number.
 */
class CompilerFuzzTest {
  /** Fixed for CI; {@code -Dfuzz.seed=N} explores other inputs. */
  private static final long SEED = Long.getLong("fuzz.seed", 0x6174_6f6d_6963L);

  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private static final String[] TOKENS = {
    "applications:",
    "- name: ",
    "name: ",
    "  ",
    "    ",
    "\n",
    "\n",
    "\n",
    "memory: ",
    "512M",
    "1G",
    "disk_quota: ",
    "disk-quota: ",
    "instances: ",
    "2",
    "\"2\"",
    "((x))",
    "((a.b))",
    "((!y))",
    "&a ",
    "*a",
    "<<: ",
    "{",
    "}",
    "[",
    "]",
    ", ",
    ": ",
    "- ",
    "# c",
    "'",
    "\"",
    "!!str ",
    "!!python/object ",
    "!custom ",
    "~",
    "null",
    "yes",
    "no",
    "1.5",
    "-1",
    "0",
    "routes:",
    "route: ",
    "a.example.com",
    "*.apps.internal",
    "tcp.example.com:1234",
    "processes:",
    "type: ",
    "web",
    "worker",
    "env:",
    "VCAP_X: 1",
    "PORT: 1",
    "services:",
    "sidecars:",
    "process_types: ",
    "command: ",
    "metadata:",
    "labels:",
    "annotations:",
    "\t",
    "---",
    "...",
    "%YAML 1.1\n",
    "|\n",
    ">\n",
    "? ",
    "é",
    "\u0000",
    "\u00ff",
    "version: ",
    "path: ",
    "../..",
    "/etc",
    "no-route: ",
    "random-route: ",
    "health-check-type: ",
    "http",
    "timeout: ",
    "60s",
    "log-rate-limit-per-second: ",
    "buildpacks: ",
    "docker:",
    "image: ",
    "features:",
    "ssh: ",
    "host: ",
    "inherit: ",
    "${random-word}",
    "\\",
    "%",
    "@",
    "`",
    "&",
    "*",
    "!",
    "|",
    ">",
  };

  private static final String[] SCALARS = {
    "",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "0",
    "-1",
    "1.5",
    "1e10",
    "99999999999999999999",
    "'quoted'",
    "\"((v))\"",
    "((v))",
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "*undefined",
    "&anc x",
    "!!binary aGk=",
    "512",
    "1G",
    "abc",
    ".inf",
    ".nan",
    "0x1F",
    "2024-01-01",
    "\"\\u0000\"",
    "\"\\xff\"",
    "|",
    "- x",
    "a: b: c",
    "[[[[",
    "'unterminated",
    "\"((a)) ((b))\"",
    "-1B",
    "9000000T",
    "http://x.example.com:8080",
    "((x))M",
    "!!python/object:os.system x",
  };

  private static final Map<String, YamlNode> VARIABLES = variables();

  private static Map<String, YamlNode> variables() {
    Map<String, YamlNode> vars = new LinkedHashMap<>();
    vars.put("x", CompilerFixtures.yaml("512"));
    vars.put("v", CompilerFixtures.yaml("value"));
    vars.put("a", CompilerFixtures.yaml("{b: 1, c: [1, 2]}"));
    vars.put("y", CompilerFixtures.yaml("true"));
    return vars;
  }

  private record Case(String name, byte[] bytes, boolean layout, boolean withVars) {}

  @Test
  void theCompilerIsTotal() throws IOException {
    List<byte[]> corpus = corpus();
    Random random = new Random(SEED);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      cases.add(
          new Case(
              "soup#" + i,
              soup(random).getBytes(StandardCharsets.UTF_8),
              random.nextBoolean(),
              random.nextBoolean()));
    }
    for (int i = 0; i < 2400; i++) {
      byte[] original = corpus.get(random.nextInt(corpus.size()));
      cases.add(
          new Case(
              "mutant#" + i,
              mutate(original, random),
              random.nextInt(4) == 0,
              random.nextBoolean()));
    }
    for (int i = 0; i < 300; i++) {
      byte[] original = corpus.get(random.nextInt(corpus.size()));
      cases.add(new Case("bytes#" + i, flipBytes(original, random), false, false));
    }

    List<String> failures =
        assertTimeoutPreemptively(HANG_GUARD, () -> runAll(cases, corpus.size()));

    assertThat(failures).as("cases that broke the property (seed %s)", SEED).isEmpty();
  }

  private static List<String> runAll(List<Case> cases, int corpusSize) {
    List<String> failures = new ArrayList<>();
    int valid = 0;
    for (Case c : cases) {
      String problem = check(c);
      if (problem == null) {
        continue;
      }
      if (problem.isEmpty()) {
        valid++;
      } else if (failures.size() < 10) {
        failures.add(c.name() + ": " + problem + "\n--- input ---\n" + printable(c.bytes()));
      }
    }
    // Sanity: the mutations must not be so destructive that nothing ever compiles.
    assertThat(valid).as("valid compilations among %d cases", cases.size()).isGreaterThan(50);
    assertThat(corpusSize).isGreaterThan(0);
    return failures;
  }

  /** null: rejected with errors; "": valid with objects; otherwise what went wrong. */
  private static String check(Case c) {
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    String path = c.layout() ? "acme/prod/manifest.yml" : "app/manifest.yml";
    files.put(path, SourceTree.SourceFile.regular(c.bytes()));
    files.put("app/x.jar", SourceTree.SourceFile.regular(new byte[0]));
    CompilerSettings settings =
        CompilerSettings.forSource("fuzz", "gitfoundry", c.layout() ? "" : path)
            .withDomains(CompilerFixtures.DOMAINS);
    if (c.withVars()) {
      settings = settings.withVariables(VARIABLES);
    }
    Compilation compilation;
    try {
      compilation = ManifestCompiler.compile(SourceTree.of(files), settings);
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      return "threw " + trace.toString().lines().limit(8).reduce("", (a, b) -> a + "\n  " + b);
    }
    if (compilation == null) {
      return "returned null";
    }
    if (compilation.valid()) {
      if (compilation.objects().isEmpty()) {
        return "valid but without objects";
      }
      long distinct =
          compilation.objects().stream()
              .map(
                  o ->
                      o.getKind()
                          + "/"
                          + o.getMetadata().getNamespace()
                          + "/"
                          + o.getMetadata().getName())
              .distinct()
              .count();
      return distinct == compilation.objects().size()
          ? ""
          : "two objects share kind/namespace/name";
    }
    if (compilation.errors().isEmpty()) {
      return "invalid without an error diagnostic";
    }
    if (!compilation.objects().isEmpty()) {
      return "errors but objects";
    }
    boolean located =
        compilation.errors().stream()
            .allMatch(
                d -> d.file() != null && d.line() >= 1 && d.column() >= 1 && d.message() != null);
    return located ? null : "an error without file/line/column/message: " + compilation.errors();
  }

  private static String soup(Random random) {
    StringBuilder out = new StringBuilder();
    if (random.nextBoolean()) {
      out.append("applications:\n- name: fuzz\n");
    }
    int tokens = 1 + random.nextInt(60);
    for (int i = 0; i < tokens; i++) {
      out.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return out.toString();
  }

  private static byte[] mutate(byte[] original, Random random) {
    List<String> lines =
        new ArrayList<>(
            Arrays.asList(new String(original, StandardCharsets.UTF_8).split("\n", -1)));
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(7)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          int other = random.nextInt(lines.size());
          String swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
        case 3 -> {
          String line = lines.get(at);
          lines.set(
              at,
              random.nextBoolean()
                  ? " ".repeat(1 + random.nextInt(4)) + line
                  : line.replaceFirst("^ {1,2}", ""));
        }
        case 4 -> {
          String line = lines.get(at);
          int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
          String insert = TOKENS[random.nextInt(TOKENS.length)];
          lines.set(at, line.substring(0, pos) + insert + line.substring(pos));
        }
        case 5 -> {
          String line = lines.get(at);
          int colon = line.indexOf(": ");
          if (colon >= 0) {
            lines.set(at, line.substring(0, colon + 2) + SCALARS[random.nextInt(SCALARS.length)]);
          } else if (line.trim().startsWith("- ")) {
            lines.set(
                at,
                line.substring(0, line.indexOf("- ") + 2)
                    + SCALARS[random.nextInt(SCALARS.length)]);
          }
        }
        default -> {
          String line = lines.get(at);
          int colon = line.indexOf(':');
          if (colon > 0) {
            // Replace the value with the key's own line duplicated as a nested map: deeper shapes.
            lines.add(at + 1, "  " + line.substring(0, colon).replace("-", " ") + ": x");
          }
        }
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] flipBytes(byte[] original, Random random) {
    byte[] copy = original.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    if (random.nextInt(3) == 0 && copy.length > 1) {
      copy = Arrays.copyOf(copy, random.nextInt(copy.length));
    }
    return copy;
  }

  private static List<byte[]> corpus() throws IOException {
    Path dir = CorpusTest.corpusDirectory();
    List<byte[]> files = new ArrayList<>();
    for (String name : CorpusTest.corpusFiles()) {
      files.add(Files.readAllBytes(dir.resolve(name)));
    }
    assertThat(files).as("corpus files").isNotEmpty();
    return files;
  }

  private static String printable(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }
}
