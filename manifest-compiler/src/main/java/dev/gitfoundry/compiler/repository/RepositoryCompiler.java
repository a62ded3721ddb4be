package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.SourceTree;
import dev.gitfoundry.compiler.manifest.AppDefinition;
import dev.gitfoundry.compiler.manifest.AppValidator;
import dev.gitfoundry.compiler.manifest.CliManifestReader;
import dev.gitfoundry.compiler.manifest.ManifestApp;
import dev.gitfoundry.compiler.vars.VariableInterpolator;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlReader;
import dev.gitfoundry.compiler.yaml.YamlSyntaxException;
import dev.gitfoundry.compiler.yaml.YamlWarning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a whole repository: layout, config files, every manifest, then cross-file checks. */
public final class RepositoryCompiler {
  private final SourceTree tree;
  private final CompilerSettings settings;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final YamlReader yaml = new YamlReader();

  public RepositoryCompiler(SourceTree tree, CompilerSettings settings) {
    this.tree = tree;
    this.settings = settings;
  }

  public Compilation compile() {
    RepositoryLayout layout = RepositoryLayout.discover(tree, settings.path());
    if (!tree.exists(settings.path())) {
      String notCommitted = tree.whyNotCommitted(settings.path());
      findings("")
          .error(
              Position.START,
              notCommitted == null
                  ? "path '" + settings.path() + "' does not exist in the repository"
                  : notCommittedMessage(settings.path(), notCommitted));
      return new Compilation(List.of(), diagnostics);
    }
    FoundationFile foundation = FoundationFile.EMPTY;
    String foundationPath = layout.foundationFile();
    if (foundationPath != null) {
      Findings findings = findings(foundationPath);
      foundation = FoundationFile.read(read(foundationPath, findings), findings);
    }
    List<DomainSpec> domains = new ArrayList<>(foundation.domains());
    settings.domains().stream().filter(d -> !domains.contains(d)).forEach(domains::add);
    List<SpacePlan> plans = plan(layout, new RouteResolver(domains));
    new CrossChecks(diagnostics).check(plans);
    Map<String, ConfigFiles.OrgOrSpace> orgs = new LinkedHashMap<>();
    plans.forEach(p -> orgs.computeIfAbsent(p.org(), org -> orgConfig(layout, org)));
    TenantLimits limits =
        TenantLimits.resolve(
            plans,
            orgs,
            org -> orgFile(layout, org),
            new FoundationBindings(
                foundation,
                foundationPath == null ? "foundation.yml" : foundationPath,
                diagnostics),
            diagnostics);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Compilation(List.of(), diagnostics);
    }
    ResourceBuilder builder = new ResourceBuilder(settings);
    Map<String, Boolean> orgsDone = new HashMap<>();
    for (SpacePlan plan : plans) {
      if (orgsDone.putIfAbsent(plan.org(), true) == null) {
        builder.org(plan.org(), orgs.get(plan.org()), limits.orgQuota(plan.org()));
      }
      builder.space(
          plan,
          limits.spaceQuota(plan),
          limits.orgQuota(plan.org()),
          limits.restrictEgress(),
          limits.securityGroups(plan));
    }
    return new Compilation(ObjectOrder.sort(builder.objects()), diagnostics);
  }

  private List<SpacePlan> plan(RepositoryLayout layout, RouteResolver routes) {
    List<SpacePlan> plans = new ArrayList<>();
    if (layout.singleManifest() != null) {
      SpacePlan plan =
          new SpacePlan(
              settings.defaultOrg(), settings.defaultSpace(), ConfigFiles.OrgOrSpace.EMPTY, null);
      Map<String, YamlNode> vars = new LinkedHashMap<>();
      readVars(layout.base().isEmpty() ? "vars.yml" : layout.base() + "/vars.yml", vars);
      vars.putAll(settings.variables());
      compileManifest(layout.singleManifest(), vars, plan, routes);
      plans.add(plan);
      return plans;
    }
    for (String stray : layout.strayManifests()) {
      findings(stray)
          .warning(
              Position.START,
              "manifest is not inside a space directory (<org>/<space>/...) and is ignored");
    }
    if (layout.orgs().values().stream().allMatch(org -> org.spaces().isEmpty())) {
      findings(layout.foundationFile() != null ? layout.foundationFile() : settings.path())
          .error(
              Position.START,
              "no spaces found under '"
                  + (settings.path().isEmpty() ? "/" : settings.path())
                  + "': expected <org>/<space>/manifest.yml (an empty repository is refused so that"
                  + " a wrong path never deletes every app)");
      return plans;
    }
    for (Map.Entry<String, RepositoryLayout.Org> org : layout.orgs().entrySet()) {
      Map<String, YamlNode> orgVars = new LinkedHashMap<>();
      readVars(org.getValue().dir() + "/vars.yml", orgVars);
      for (Map.Entry<String, RepositoryLayout.Space> space : org.getValue().spaces().entrySet()) {
        String dir = space.getValue().dir();
        Findings spaceFile = findings(dir + "/space.yml");
        ConfigFiles.OrgOrSpace config =
            ConfigFiles.orgOrSpace(
                read(dir + "/space.yml", spaceFile),
                ConfigFiles.Kind.SPACE,
                space.getKey(),
                spaceFile);
        SpacePlan plan = new SpacePlan(org.getKey(), space.getKey(), config, dir + "/space.yml");
        Map<String, YamlNode> vars = new LinkedHashMap<>(orgVars);
        readVars(dir + "/vars.yml", vars);
        vars.putAll(settings.variables());
        for (String manifest : space.getValue().manifests()) {
          compileManifest(manifest, vars, plan, routes);
        }
        plans.add(plan);
      }
    }
    return plans;
  }

  private ConfigFiles.OrgOrSpace orgConfig(RepositoryLayout layout, String org) {
    String path = orgFile(layout, org);
    if (path == null) {
      return ConfigFiles.OrgOrSpace.EMPTY;
    }
    Findings orgFile = findings(path);
    return ConfigFiles.orgOrSpace(read(path, orgFile), ConfigFiles.Kind.ORG, org, orgFile);
  }

  /** The org.yml path (whether or not it exists); null for a single manifest's default org. */
  private static String orgFile(RepositoryLayout layout, String org) {
    RepositoryLayout.Org dir = layout.orgs().get(org);
    return dir == null ? null : dir.dir() + "/org.yml";
  }

  private void compileManifest(
      String file, Map<String, YamlNode> vars, SpacePlan plan, RouteResolver routes) {
    Findings findings = findings(file);
    YamlNode document = read(file, findings);
    if (findings.hasErrors()) {
      return;
    }
    VariableInterpolator.Result interpolated = VariableInterpolator.interpolate(document, vars);
    interpolated.problems().forEach(p -> findings.error(p.position(), p.message()));
    if (!interpolated.problems().isEmpty()) {
      return;
    }
    String manifestDir = RepositoryLayout.parentOf(file);
    for (ManifestApp app : CliManifestReader.read(interpolated.document(), findings)) {
      Findings appFindings = findings.forApp(app.name());
      AppDefinition definition = AppValidator.validate(app, appFindings);
      if (definition == null) {
        continue;
      }
      String seed =
          String.join(
              "/",
              settings.sourceNamespace(),
              settings.sourceName(),
              plan.org(),
              plan.space(),
              app.name());
      List<ResolvedRoute> resolved = routes.resolve(definition, seed, appFindings);
      String bits = bitsPath(definition, manifestDir, appFindings);
      plan.apps().add(new SpacePlan.PlannedApp(definition, file, resolved, bits));
    }
  }

  /**
   * The app's {@code path}, relative to its manifest, must exist and stay inside the repository.
   */
  private String bitsPath(AppDefinition app, String manifestDir, Findings findings) {
    if (app.lifecycle().type().equals("docker")) {
      if (app.path() != null) {
        findings.warning(
            app.pathPosition(), "path is ignored for a docker app: the image is the app");
      }
      return null;
    }
    if (app.path() == null) {
      return manifestDir;
    }
    String joined = RepositoryPaths.join(manifestDir, app.path());
    if (joined == null) {
      findings.error(app.pathPosition(), "path '" + app.path() + "' leaves the repository");
      return null;
    }
    try {
      String real = RepositoryPaths.resolve(tree, joined);
      String notCommitted = tree.whyNotCommitted(real);
      if (!tree.exists(real)) {
        findings.error(
            app.pathPosition(),
            notCommitted == null
                ? "File not found locally, make sure the file exists at given path " + joined
                : notCommittedMessage(joined, notCommitted));
        return null;
      }
      if (notCommitted != null) {
        // read from a work tree before a commit: fine now, but it must be committed to deploy
        findings.warning(app.pathPosition(), notCommittedMessage(joined, notCommitted));
      }
      return real;
    } catch (RepositoryPaths.EscapeException e) {
      findings.error(app.pathPosition(), e.getMessage());
      return null;
    }
  }

  private static String notCommittedMessage(String path, String reason) {
    return "path '"
        + path
        + "' exists but is not committed ("
        + reason
        + "): the operator sees only committed files";
  }

  private void readVars(String path, Map<String, YamlNode> into) {
    Findings findings = findings(path);
    YamlNode node = read(path, findings);
    if (node == null) {
      return;
    }
    if (!(node instanceof YamlMap map)) {
      findings.error(node.position(), "vars.yml must be a YAML map of variable names to values");
      return;
    }
    map.entries().values().forEach(e -> into.put(e.key(), e.value()));
  }

  /** The parsed file, or null when it is absent or broken (then an error is recorded). */
  private YamlNode read(String path, Findings findings) {
    SourceTree.SourceFile file = tree.get(path);
    if (file == null) {
      return null;
    }
    String real = path;
    if (file.isSymlink()) {
      try {
        real = RepositoryPaths.resolve(tree, path);
      } catch (RepositoryPaths.EscapeException e) {
        findings.error(Position.START, e.getMessage());
        return null;
      }
      file = tree.get(real);
      if (file == null || file.isSymlink()) {
        findings.error(Position.START, "symlink target '" + real + "' does not exist");
        return null;
      }
    }
    try {
      return yaml.read(
          file.content(), (YamlWarning w) -> findings.warning(w.position(), w.message()));
    } catch (YamlSyntaxException e) {
      findings.error(e.position(), e.getMessage());
      return null;
    }
  }

  private Findings findings(String file) {
    return new Findings(diagnostics, file);
  }
}
