package dev.gitfoundry.operator.cli;

import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlReader;
import dev.gitfoundry.compiler.yaml.YamlSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The options compile and validate share: what to read, variables and domains. */
final class CompilerOptions {
  @Parameters(
      index = "0",
      paramLabel = "<dir|manifest.yml>",
      description = "A manifests repository (or a directory in one) or a single manifest file.")
  Path target;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description = "A variable for ((NAME)); overrides vars.yml. Repeatable.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--vars-file",
      paramLabel = "FILE",
      description = "A YAML map of variables; overrides vars.yml. Repeatable.")
  List<Path> varsFiles = new ArrayList<>();

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description =
          "A domain routes may use (the first one is the default when foundation.yml names none). Repeatable.")
  List<String> domains = new ArrayList<>();

  @Option(
      names = "--source",
      defaultValue = "local",
      description = "Source name for labels and GUIDs (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(
      names = "--namespace",
      defaultValue = "gitfoundry",
      description =
          "Namespace of the GitSource, where orgs and spaces live (default: ${DEFAULT-VALUE}).")
  String namespace;

  CompilerSettings settings(LocalRepository repository, picocli.CommandLine commandLine)
      throws IOException {
    Map<String, YamlNode> variables = new LinkedHashMap<>();
    YamlReader reader = new YamlReader();
    for (Path file : varsFiles) {
      try {
        YamlNode node = reader.read(Files.readAllBytes(file), w -> {});
        if (!(node instanceof YamlMap map)) {
          throw new ParameterException(
              commandLine,
              "The option --vars-file expects a valid YAML file. " + file + " is not a map");
        }
        map.entries().values().forEach(e -> variables.put(e.key(), e.value()));
      } catch (YamlSyntaxException e) {
        throw new ParameterException(
            commandLine, "The option --vars-file expects a valid YAML file. " + e.getMessage());
      }
    }
    for (String var : vars) {
      int equals = var.indexOf('=');
      if (equals < 0) {
        throw new ParameterException(
            commandLine, "Expected var '" + var + "' to be in format 'name=value'");
      }
      if (equals == 0) {
        throw new ParameterException(
            commandLine, "Expected var '" + var + "' to specify non-empty name");
      }
      if (equals == var.length() - 1) {
        throw new ParameterException(
            commandLine, "Expected var '" + var + "' to specify non-empty value");
      }
      try {
        variables.put(
            var.substring(0, equals),
            reader.read(var.substring(equals + 1).getBytes(StandardCharsets.UTF_8), w -> {}));
      } catch (YamlSyntaxException e) {
        throw new ParameterException(
            commandLine, "Expected var '" + var + "' to hold a YAML value: " + e.getMessage());
      }
    }
    return CompilerSettings.forSource(source, namespace, repository.relativeTarget())
        .withDomains(
            domains.stream()
                .map(d -> DomainSpec.shared(d.toLowerCase(java.util.Locale.ROOT)))
                .toList())
        .withVariables(variables);
  }
}
