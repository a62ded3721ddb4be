package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cloud Controller's AppManifestMessage: validates one app and collects every error, each prefixed
 * {@code For application 'NAME': }. Returns null when the app has errors.
 */
public final class AppValidator {
  private static final Set<String> FEATURES =
      Set.of("ssh", "revisions", "service-binding-k8s", "file-based-vcap-services");
  private static final Set<String> LIFECYCLES = Set.of("buildpack", "cnb", "docker");

  private final ManifestApp app;
  private final Findings findings;
  private boolean failed;

  private AppValidator(ManifestApp app, Findings findings) {
    this.app = app;
    this.findings = findings;
  }

  public static AppDefinition validate(ManifestApp app, Findings appFindings) {
    AppValidator validator = new AppValidator(app, appFindings);
    int before = appFindings.all().size();
    AppDefinition definition = validator.build();
    boolean newErrors =
        appFindings.all().subList(before, appFindings.all().size()).stream()
            .anyMatch(d -> d.isError());
    return newErrors || validator.failed ? null : definition;
  }

  private AppDefinition build() {
    if (app.name().length() > 255) {
      error(app.position(), "Name is too long (maximum is 255 characters)");
    }
    List<ProcessDefinition> processes = processes();
    AppDefinition.LifecycleDefinition lifecycle = lifecycle();
    Map<String, String> env = env();
    List<ServiceBindingRequest> services =
        app.has("services") ? ServiceRules.read(app.get("services"), findings) : List.of();
    AppDefinition.RouteIntent routes = routes();
    List<SidecarDefinition> sidecars =
        app.has("sidecars") ? SidecarRules.read(app.get("sidecars"), findings) : List.of();
    checkSidecarMemory(processes, sidecars);
    return new AppDefinition(
        app.name(),
        app.position(),
        lifecycle,
        processes,
        env,
        services,
        routes,
        sidecars,
        app.has("metadata") && !isNull(app.get("metadata"))
            ? MetadataRules.read(app.get("metadata"), findings)
            : MetadataRules.Metadata.EMPTY,
        features(),
        app.get("path") instanceof YamlScalar p ? p.asGoString() : null,
        app.positionOf("path"));
  }

  private List<ProcessDefinition> processes() {
    List<ProcessDefinition> result = new ArrayList<>();
    YamlNode node = app.get("processes");
    List<YamlMap> entries = new ArrayList<>();
    if (node != null && !isNull(node)) {
      if (!(node instanceof YamlList list)
          || !list.items().stream().allMatch(YamlMap.class::isInstance)) {
        error(node.position(), "Processes must be an array of process configurations");
      } else {
        list.items().forEach(item -> entries.add((YamlMap) item));
      }
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (YamlMap entry : entries) {
      String type = entry.get("type") instanceof YamlScalar t && !t.isNull() ? t.asGoString() : "";
      if (type.isBlank()) {
        error(entry.position(), "All Processes must specify a type");
        continue;
      }
      if (seen.merge(type, 1, Integer::sum) == 2) {
        error(entry.position(), "Process \"" + type + "\" may only be present once");
      }
    }
    boolean webEntry = seen.containsKey("web");
    if (webEntry) {
      ProcessRules.checkByteSizes(app.attributes(), findings, app.position());
      warnIgnoredAppLevelProcessKeys();
    } else {
      result.add(ProcessRules.read(app.attributes(), "web", findings, app.position()));
    }
    for (YamlMap entry : entries) {
      String type = entry.get("type") instanceof YamlScalar t && !t.isNull() ? t.asGoString() : "";
      if (!type.isBlank() && result.stream().noneMatch(p -> p.type().equals(type))) {
        result.add(ProcessRules.read(entry.entries(), type, findings, entry.position()));
      }
    }
    result.sort((a, b) -> a.type().equals("web") ? -1 : b.type().equals("web") ? 1 : 0);
    return result;
  }

  /** CC's SidecarMemoryLessThanProcessMemoryPolicy: sidecars must leave the process memory. */
  private void checkSidecarMemory(
      List<ProcessDefinition> processes, List<SidecarDefinition> sidecars) {
    for (ProcessDefinition process : processes) {
      long sidecarMemory =
          sidecars.stream()
              .filter(s -> s.memoryMb() != null && s.processTypes().contains(process.type()))
              .mapToLong(SidecarDefinition::memoryMb)
              .sum();
      if (sidecarMemory > 0 && sidecarMemory >= process.memoryMb()) {
        error(
            app.positionOf("sidecars"),
            "The sidecar memory allocation defined is too large to run with the dependent \""
                + process.type()
                + "\" process");
      }
    }
  }

  private void warnIgnoredAppLevelProcessKeys() {
    for (Map.Entry<String, YamlMap.Entry> attribute : app.attributes().entrySet()) {
      if (AppAttributes.WEB_PROCESS.contains(attribute.getKey())) {
        findings.warning(
            attribute.getValue().keyPosition(),
            "app-level '"
                + attribute.getValue().key()
                + "' is ignored because processes has a 'web' entry: set it there");
      }
    }
  }

  private AppDefinition.LifecycleDefinition lifecycle() {
    boolean docker = app.has("docker") && !isNull(app.get("docker"));
    boolean buildpack = app.has("buildpack");
    boolean buildpacks = app.has("buildpacks");
    if (buildpack && buildpacks) {
      error(
          app.positionOf("buildpack"), "Buildpack and Buildpacks fields cannot be used together.");
    }
    if (docker && (buildpack || buildpacks)) {
      error(app.positionOf("docker"), "Cannot specify both buildpack(s) and docker keys");
    }
    List<String> buildpackList = buildpacks ? buildpackList() : singularBuildpack();
    String stack = stack();
    String type = docker ? "docker" : "buildpack";
    if (app.has("lifecycle") && !isNull(app.get("lifecycle"))) {
      String requested =
          app.get("lifecycle") instanceof YamlScalar scalar ? scalar.asGoString() : "";
      if (!LIFECYCLES.contains(requested)) {
        error(app.positionOf("lifecycle"), "Lifecycle must be 'buildpack', 'cnb' or 'docker'");
      } else if (requested.equals("docker") != docker) {
        error(
            app.positionOf("lifecycle"),
            docker
                ? "Docker cannot be configured for a " + requested + " lifecycle app."
                : "lifecycle: docker needs docker.image");
      } else {
        type = requested;
      }
    }
    String image = null;
    String username = null;
    if (docker) {
      YamlMap dockerMap = (YamlMap) app.get("docker");
      image = dockerMap.get("image") instanceof YamlScalar i ? i.asGoString() : "";
      username =
          dockerMap.get("username") instanceof YamlScalar u && !u.isNull() ? u.asGoString() : null;
      if (image.isEmpty()) {
        error(dockerMap.position(), "docker.image is required: name the image to run");
      }
    }
    return new AppDefinition.LifecycleDefinition(type, image, username, buildpackList, stack);
  }

  private List<String> buildpackList() {
    YamlNode node = app.get("buildpacks");
    if (!(node instanceof YamlList list)) {
      if (!isNull(node)) {
        error(node.position(), "Buildpacks must be an array");
      }
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlScalar s && s.isString())) {
        error(item.position(), "Buildpacks can only contain strings");
      } else if (s.text().isEmpty() || s.text().length() > 4096) {
        error(item.position(), "Buildpacks entries must be between 1 and 4096 characters");
      } else {
        names.add(s.text());
      }
    }
    return names;
  }

  private List<String> singularBuildpack() {
    YamlNode node = app.get("buildpack");
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof YamlScalar s && s.isString())) {
      error(node.position(), "Buildpack must be a string");
      return List.of();
    }
    if (s.text().equals("default") || s.text().equals("null")) {
      return List.of();
    }
    if (s.text().isEmpty() || s.text().length() > 4096) {
      error(node.position(), "Buildpack must be between 1 and 4096 characters");
      return List.of();
    }
    findings.warning(
        app.positionOf("buildpack"),
        "'buildpack' is deprecated: write buildpacks: [" + s.text() + "]");
    return List.of(s.text());
  }

  private String stack() {
    YamlNode node = app.get("stack");
    if (node == null || isNull(node)) {
      return null;
    }
    String stack = node instanceof YamlScalar s ? s.asGoString() : null;
    if (stack == null) {
      error(node.position(), "Stack must be a string");
    } else if (stack.isEmpty() || stack.length() > 4096) {
      error(node.position(), "Stack must be between 1 and 4096 characters");
    }
    return stack;
  }

  private Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    YamlNode node = app.get("env");
    if (node == null || isNull(node)) {
      return env;
    }
    if (!(node instanceof YamlMap map)) {
      error(node.position(), "Env must be an object of keys and values");
      return env;
    }
    for (YamlMap.Entry entry : map.entries().values()) {
      String key = entry.key();
      String upper = key.toUpperCase(Locale.ROOT);
      if (key.isEmpty()) {
        error(entry.keyPosition(), "Env key must be a minimum length of 1");
      } else if (upper.startsWith("VCAP_")) {
        error(entry.keyPosition(), "Env cannot start with VCAP_");
      } else if (upper.startsWith("VMC")) {
        error(entry.keyPosition(), "Env cannot start with VMC_");
      } else if (upper.equals("PORT")) {
        error(entry.keyPosition(), "Env cannot set PORT");
      } else {
        env.put(key, PlainValues.rubyToString(entry.value()));
      }
    }
    return env;
  }

  private Map<String, Boolean> features() {
    Map<String, Boolean> features = new LinkedHashMap<>();
    YamlNode node = app.get("features");
    if (node == null || isNull(node)) {
      return features;
    }
    boolean valid = node instanceof YamlMap;
    if (valid) {
      for (YamlMap.Entry entry : ((YamlMap) node).entries().values()) {
        if (FEATURES.contains(entry.key())
            && entry.value() instanceof YamlScalar s
            && s.isBoolean()) {
          features.put(entry.key(), (Boolean) s.value());
        } else {
          valid = false;
        }
      }
    }
    if (!valid) {
      error(
          node.position(),
          "Features must be a map of valid feature names to booleans (true = enabled, false ="
              + " disabled)");
    }
    return features;
  }

  private AppDefinition.RouteIntent routes() {
    boolean none = RouteRules.flag(app.attributes().get("no_route"), "No-route", findings);
    boolean random =
        RouteRules.flag(app.attributes().get("random_route"), "Random-route", findings);
    boolean explicitDefault =
        RouteRules.flag(app.attributes().get("default_route"), "Default-route", findings);
    // The CLI injects default-route: true unless it saw `random-route: true` or `no-route: true`
    // spelled its way; CC sees the underscored spellings too, so `random_route: true` collides.
    if (random && (explicitDefault || app.defaultRoute())) {
      error(
          app.positionOf("random_route"),
          "Random-route and default-route may not be used together");
    }
    List<RouteRequest> explicit =
        app.has("routes") ? RouteRules.read(app.get("routes"), findings) : List.of();
    return new AppDefinition.RouteIntent(
        explicit, none, random, explicitDefault || app.defaultRoute());
  }

  private static boolean isNull(YamlNode node) {
    return node == null || node instanceof YamlScalar s && s.isNull();
  }

  private void error(dev.gitfoundry.compiler.yaml.Position at, String message) {
    failed = true;
    findings.appError(at, message);
  }
}
