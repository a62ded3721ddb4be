package dev.gitfoundry.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlReader;
import dev.gitfoundry.compiler.yaml.YamlSyntaxException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared helpers for the compiler tests: small trees, compiled with a default domain. */
final class CompilerFixtures {
  static final String DEFAULT_DOMAIN = "apps.example.com";
  static final List<DomainSpec> DOMAINS =
      List.of(
          DomainSpec.shared(DEFAULT_DOMAIN),
          DomainSpec.shared("example.com"),
          new DomainSpec("apps.internal", true, false),
          new DomainSpec("tcp.example.com", false, true));

  private static final ObjectMapper JSON = new ObjectMapper();

  private CompilerFixtures() {}

  static CompilerSettings settings() {
    return CompilerSettings.forSource("src", "gitfoundry", "").withDomains(DOMAINS);
  }

  /** A one-manifest repository: {@code manifest.yml} at the root. */
  static Compilation compile(String manifest) {
    return compile(manifest, settings());
  }

  static Compilation compile(String manifest, CompilerSettings settings) {
    return ManifestCompiler.compile(tree("manifest.yml", manifest), settings);
  }

  static Compilation compileTree(Map<String, String> files) {
    return ManifestCompiler.compile(tree(files), settings());
  }

  static Compilation compileTree(Map<String, String> files, CompilerSettings settings) {
    return ManifestCompiler.compile(tree(files), settings);
  }

  static SourceTree tree(String path, String content) {
    return tree(Map.of(path, content));
  }

  static SourceTree tree(Map<String, String> files) {
    Map<String, SourceTree.SourceFile> out = new LinkedHashMap<>();
    files.forEach(
        (path, text) ->
            out.put(path, SourceTree.SourceFile.regular(text.getBytes(StandardCharsets.UTF_8))));
    return SourceTree.of(out);
  }

  static YamlNode yaml(String text) {
    try {
      return new YamlReader().read(text.getBytes(StandardCharsets.UTF_8), w -> {});
    } catch (YamlSyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Error messages in diagnostic order. */
  static List<String> errors(Compilation compilation) {
    return compilation.errors().stream().map(Diagnostic::message).toList();
  }

  static List<String> warnings(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> !d.isError())
        .map(Diagnostic::message)
        .toList();
  }

  /** {@code line:column: message} of every error, for located assertions. */
  static List<String> locatedErrors(Compilation compilation) {
    return compilation.errors().stream()
        .map(d -> d.line() + ":" + d.column() + ": " + d.message())
        .toList();
  }

  static List<String> locatedWarnings(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> !d.isError())
        .map(d -> d.line() + ":" + d.column() + ": " + d.message())
        .toList();
  }

  /** Asserts a valid compilation and returns it. */
  static Compilation valid(Compilation compilation) {
    assertThat(compilation.errors()).as("errors").isEmpty();
    assertThat(compilation.objects()).isNotEmpty();
    return compilation;
  }

  /** Compiles and asserts that it is valid. */
  static Compilation compileValid(String manifest) {
    return valid(compile(manifest));
  }

  /** The single error message of an invalid compilation. */
  static String singleError(String manifest) {
    Compilation compilation = compile(manifest);
    assertThat(compilation.valid()).as("valid").isFalse();
    assertThat(compilation.objects()).isEmpty();
    assertThat(errors(compilation)).hasSize(1);
    return errors(compilation).get(0);
  }

  static <T extends HasMetadata> List<T> objects(Compilation compilation, Class<T> type) {
    return compilation.objects().stream().filter(type::isInstance).map(type::cast).toList();
  }

  static List<CFApp> apps(Compilation compilation) {
    return objects(compilation, CFApp.class);
  }

  static CFApp app(Compilation compilation, String displayName) {
    return apps(compilation).stream()
        .filter(a -> a.getSpec().getDisplayName().equals(displayName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no CFApp " + displayName));
  }

  static CFApp onlyApp(Compilation compilation) {
    List<CFApp> apps = apps(compilation);
    assertThat(apps).hasSize(1);
    return apps.get(0);
  }

  static ProcessSpec process(CFApp app, String type) {
    return app.getSpec().getProcesses().stream()
        .filter(p -> p.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no process " + type));
  }

  static ProcessSpec web(Compilation compilation) {
    return process(onlyApp(compilation), "web");
  }

  static List<CFRoute> routes(Compilation compilation) {
    return objects(compilation, CFRoute.class);
  }

  /** {@code host|domain|path|port|protocol} of every route, for compact assertions. */
  static List<String> routeKeys(Compilation compilation) {
    return routes(compilation).stream()
        .map(
            r ->
                r.getSpec().getHost()
                    + "|"
                    + r.getSpec().getDomain()
                    + "|"
                    + (r.getSpec().getPath() == null ? "" : r.getSpec().getPath())
                    + "|"
                    + (r.getSpec().getPort() == null ? "" : r.getSpec().getPort())
                    + "|"
                    + r.getSpec().getProtocol())
        .toList();
  }

  static Map<String, String> env(Compilation compilation, String appName) {
    CFApp app = app(compilation, appName);
    return objects(compilation, Secret.class).stream()
        .filter(s -> s.getMetadata().getName().equals(app.getSpec().getEnvSecretName()))
        .filter(s -> s.getMetadata().getNamespace().equals(app.getMetadata().getNamespace()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env secret for " + appName))
        .getStringData();
  }

  /** JSON of every object: equality that does not depend on the model classes' equals. */
  static String json(Compilation compilation) {
    try {
      return JSON.writeValueAsString(compilation.objects());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The CC error prefix. */
  static String forApp(String app, String message) {
    return "For application '" + app + "': " + message;
  }
}
