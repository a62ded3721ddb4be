package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What cf CLI v8 does to a manifest before Cloud Controller sees it: typed fields, the {@code
 * disk_quota} rename, app names, dropped top-level keys and the injected default route. What it
 * drops silently, we drop too, with a warning.
 */
public final class CliManifestReader {
  private static final Map<String, GoTypes> APP_FIELDS =
      Map.ofEntries(
          Map.entry("name", GoTypes.STRING),
          Map.entry("disk-quota", GoTypes.STRING),
          Map.entry("docker", GoTypes.STRUCT),
          Map.entry("health-check-type", GoTypes.STRING),
          Map.entry("health-check-http-endpoint", GoTypes.STRING),
          Map.entry("timeout", GoTypes.INT64),
          Map.entry("instances", GoTypes.INT),
          Map.entry("path", GoTypes.STRING),
          Map.entry("processes", GoTypes.PROCESS_LIST),
          Map.entry("memory", GoTypes.STRING),
          Map.entry("no-route", GoTypes.BOOL),
          Map.entry("random-route", GoTypes.BOOL),
          Map.entry("default-route", GoTypes.BOOL),
          Map.entry("stack", GoTypes.STRING),
          Map.entry("log-rate-limit-per-second", GoTypes.STRING));

  private static final Map<String, GoTypes> PROCESS_FIELDS =
      Map.of(
          "type", GoTypes.STRING,
          "disk-quota", GoTypes.STRING,
          "health-check-type", GoTypes.STRING,
          "health-check-http-endpoint", GoTypes.STRING,
          "timeout", GoTypes.INT64,
          "instances", GoTypes.INT,
          "memory", GoTypes.STRING,
          "log-rate-limit-per-second", GoTypes.STRING);

  private static final Map<String, GoTypes> DOCKER_FIELDS =
      Map.of("image", GoTypes.STRING, "username", GoTypes.STRING);

  private static final Set<String> V6_ROUTE_KEYS =
      Set.of("host", "hosts", "domain", "domains", "no-hostname");

  private final Findings findings;
  private boolean failed;

  private CliManifestReader(Findings findings) {
    this.findings = findings;
  }

  /** The apps of one manifest, or an empty list when the CLI would refuse the file. */
  public static List<ManifestApp> read(YamlNode root, Findings findings) {
    CliManifestReader reader = new CliManifestReader(findings);
    List<ManifestApp> apps = reader.readManifest(root);
    return reader.failed ? List.of() : apps;
  }

  private List<ManifestApp> readManifest(YamlNode root) {
    if (root == null || (root instanceof YamlScalar s && s.isNull())) {
      return fail(Position.START, "Manifest must have at least one application.");
    }
    if (!(root instanceof YamlMap manifest)) {
      return fail(root.position(), GoTypes.STRUCT.unmarshalError(root, "manifest"));
    }
    warnAboutDroppedTopLevelKeys(manifest);
    YamlNode version = manifest.get("version");
    if (version != null
        && !(version instanceof YamlScalar v
            && v.isInteger()
            && "1".equals(v.value().toString()))) {
      fail(
          version.position(),
          "Unsupported manifest schema version. Currently supported versions: [1].");
    }
    YamlNode applications = manifest.get("applications");
    if (applications == null || applications instanceof YamlScalar s && s.isNull()) {
      return fail(manifest.position(), "Manifest must have at least one application.");
    }
    if (!(applications instanceof YamlList list)) {
      return fail(
          applications.position(),
          GoTypes.PROCESS_LIST.unmarshalError(applications, "applications"));
    }
    if (list.items().isEmpty()) {
      return fail(list.position(), "Manifest must have at least one application.");
    }
    List<ManifestApp> apps = new ArrayList<>();
    for (YamlNode item : list.items()) {
      YamlNode entry = emptyIfNull(item);
      if (!(entry instanceof YamlMap app)) {
        fail(item.position(), GoTypes.STRUCT.unmarshalError(item, "applications"));
        continue;
      }
      ManifestApp read = readApp(app, list.items().size());
      if (read != null) {
        apps.add(read);
      }
    }
    return apps;
  }

  private ManifestApp readApp(YamlMap app, int appCount) {
    checkTypes(app, APP_FIELDS);
    YamlNode processes = app.get("processes");
    if (processes instanceof YamlList list) {
      for (YamlNode process : list.items()) {
        if (emptyIfNull(process) instanceof YamlMap map) {
          checkTypes(map, PROCESS_FIELDS);
        } else {
          fail(process.position(), GoTypes.STRUCT.unmarshalError(process, "processes"));
        }
      }
    }
    if (app.get("docker") instanceof YamlMap docker) {
      checkTypes(docker, DOCKER_FIELDS);
    }
    String name = app.get("name") instanceof YamlScalar s ? s.asGoString() : "";
    if (name.isEmpty()) {
      fail(
          app.position(),
          appCount == 1
              ? "Incorrect Usage: The push command requires an app name. The app name can be"
                  + " supplied as an argument or with a manifest.yml file."
              : "Found an application with no name specified.");
      return null;
    }
    Findings appFindings = findings.forApp(name);
    warnAboutIgnoredAppKeys(app, appFindings);
    Map<String, YamlMap.Entry> attributes = new LinkedHashMap<>();
    for (YamlMap.Entry entry : app.entries().values()) {
      YamlMap.Entry normalized = normalizeTyped(entry, APP_FIELDS);
      if (normalized != null) {
        attributes.put(KeyNames.underscore(entry.key()), normalized);
      }
    }
    renameDiskQuota(app, attributes, "disk_quota");
    if (attributes.get("processes") != null
        && attributes.get("processes").value() instanceof YamlList list) {
      attributes.put("processes", processesForController(attributes.get("processes"), list));
    }
    boolean random = isTrue(app.get("random-route"));
    boolean noRoute = isTrue(app.get("no-route"));
    return new ManifestApp(name, app.position(), attributes, !random && !noRoute);
  }

  private YamlMap.Entry processesForController(YamlMap.Entry entry, YamlList list) {
    List<YamlNode> processes = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(emptyIfNull(item) instanceof YamlMap process)) {
        continue; // already reported as an unmarshal error by readApp
      }
      Map<String, YamlMap.Entry> normalized = new LinkedHashMap<>();
      for (YamlMap.Entry e : process.entries().values()) {
        YamlMap.Entry typed = normalizeTyped(e, PROCESS_FIELDS);
        if (typed != null) {
          normalized.put(KeyNames.underscore(e.key()), typed);
        }
      }
      renameDiskQuota(process, normalized, "disk_quota");
      processes.add(new YamlMap(normalized, process.position()));
    }
    return new YamlMap.Entry(
        entry.key(), entry.keyPosition(), new YamlList(processes, list.position()));
  }

  /** Both spellings of disk quota are accepted; both at once, or a non-string, are not. */
  private void renameDiskQuota(YamlMap raw, Map<String, YamlMap.Entry> attributes, String key) {
    YamlNode underscored = raw.get("disk_quota");
    if (underscored == null || underscored instanceof YamlScalar s && s.isNull()) {
      return;
    }
    YamlNode kebab = raw.get("disk-quota");
    if (kebab instanceof YamlScalar k && !k.asGoString().isEmpty()) {
      fail(underscored.position(), "cannot define both `disk_quota` and `disk-quota`");
    } else if (!(underscored instanceof YamlScalar s && s.isString())) {
      fail(underscored.position(), "`disk_quota` must be a string");
    } else {
      attributes.put(key, raw.entries().get("disk_quota"));
    }
  }

  /** Typed fields come out as the CLI re-marshals them; empty values are omitted like omitempty. */
  private static YamlMap.Entry normalizeTyped(YamlMap.Entry entry, Map<String, GoTypes> fields) {
    GoTypes type = fields.get(entry.key());
    if (type == null || !(entry.value() instanceof YamlScalar scalar)) {
      return entry;
    }
    if (scalar.isNull()) {
      return null; // omitempty: a null value is never sent
    }
    switch (type) {
      case STRING:
        String text = scalar.asGoString();
        return text.isEmpty()
            ? null
            : new YamlMap.Entry(
                entry.key(), entry.keyPosition(), new YamlScalar(text, text, scalar.position()));
      case BOOL:
        return Boolean.TRUE.equals(scalar.value()) ? entry : null;
      case INT64:
        return "0".equals(scalar.value().toString()) ? null : entry;
      default:
        return entry;
    }
  }

  private void checkTypes(YamlMap map, Map<String, GoTypes> fields) {
    for (YamlMap.Entry entry : map.entries().values()) {
      GoTypes type = fields.get(entry.key());
      if (type != null && !type.accepts(entry.value())) {
        fail(entry.value().position(), type.unmarshalError(entry.value(), entry.key()));
      }
    }
  }

  private void warnAboutDroppedTopLevelKeys(YamlMap manifest) {
    for (YamlMap.Entry entry : manifest.entries().values()) {
      String key = entry.key();
      if (key.equals("applications") || key.equals("version")) {
        continue;
      }
      if (key.equals("inherit")) {
        findings.warning(
            entry.keyPosition(),
            "'inherit' is ignored by cf push v7+ (manifest inheritance was removed): copy the"
                + " inherited attributes into this manifest, or share them with YAML anchors");
      } else {
        findings.warning(
            entry.keyPosition(),
            "top-level '"
                + key
                + "' is ignored by cf push v7+ and applies to no application: move it into each"
                + " application (fine if it only holds YAML anchors)");
      }
    }
  }

  private static void warnAboutIgnoredAppKeys(YamlMap app, Findings findings) {
    for (YamlMap.Entry entry : app.entries().values()) {
      String key = entry.key();
      if (V6_ROUTE_KEYS.contains(key)) {
        findings.warning(
            entry.keyPosition(),
            "'"
                + key
                + "' is ignored by cf push v7+, so the app gets its default route instead: write"
                + " routes: [{route: HOST.DOMAIN}]");
      } else if (!AppAttributes.KNOWN.contains(KeyNames.underscore(key))) {
        findings.warning(
            entry.keyPosition(), "unknown attribute '" + key + "' is ignored by Cloud Controller");
      }
    }
    LiteralPlaceholders.warn(app, findings);
  }

  /** go-yaml decodes a null list item into a struct as the struct's zero value, not an error. */
  private static YamlNode emptyIfNull(YamlNode node) {
    return node instanceof YamlScalar s && s.isNull()
        ? new YamlMap(Map.of(), node.position())
        : node;
  }

  private static boolean isTrue(YamlNode node) {
    return node instanceof YamlScalar s && Boolean.TRUE.equals(s.value());
  }

  private List<ManifestApp> fail(Position at, String message) {
    failed = true;
    findings.error(at, message);
    return List.of();
  }
}
