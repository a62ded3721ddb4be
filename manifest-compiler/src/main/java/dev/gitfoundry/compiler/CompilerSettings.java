package dev.gitfoundry.compiler;

import dev.gitfoundry.compiler.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * What the compiler needs besides the files: which source this is (for names, labels and GUIDs),
 * where in the repository to look, extra domains (the first one is the default) and variables that
 * override every vars.yml.
 *
 * @param path repository-relative directory or manifest file; "" is the root
 */
public record CompilerSettings(
    String sourceName,
    String sourceNamespace,
    String path,
    List<DomainSpec> domains,
    Map<String, YamlNode> variables,
    String defaultOrg,
    String defaultSpace) {

  public static final String DEFAULT_ORG = "default";
  public static final String DEFAULT_SPACE = "default";

  public CompilerSettings {
    domains = List.copyOf(domains);
    variables = Map.copyOf(variables);
    path = path == null ? "" : path.replaceAll("^/+|/+$", "");
  }

  public static CompilerSettings forSource(String name, String namespace, String path) {
    return new CompilerSettings(
        name, namespace, path, List.of(), Map.of(), DEFAULT_ORG, DEFAULT_SPACE);
  }

  public CompilerSettings withDomains(List<DomainSpec> newDomains) {
    return new CompilerSettings(
        sourceName, sourceNamespace, path, newDomains, variables, defaultOrg, defaultSpace);
  }

  public CompilerSettings withVariables(Map<String, YamlNode> newVariables) {
    return new CompilerSettings(
        sourceName, sourceNamespace, path, domains, newVariables, defaultOrg, defaultSpace);
  }
}
