package dev.gitfoundry.operator.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one set of compiled objects changes against another, per app: the diff a pull request shows
 * and {@code gitfoundry diff} prints. An app is its CFApp spec, its env and the routes that send
 * traffic to it; where it is declared (file and line) is left out. Env values are never shown: a
 * changed value reads as changed, so a diff can be posted where anyone may read it.
 *
 * @param action {@link AppChange#ADDED}, {@link AppChange#CHANGED} or {@link AppChange#REMOVED}
 * @param fields for a change, each field with its value before and after (env values masked)
 */
public record AppDiff(
    String action,
    String org,
    String space,
    String app,
    String namespace,
    String name,
    List<FieldDiff.Change> fields) {
  /** How a masked env value reads. */
  public static final String MASKED = "(hidden)";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Per app, in {@code after} order (removed apps last). */
  public static List<AppDiff> between(List<HasMetadata> before, List<HasMetadata> after) {
    TenancyNames names = new TenancyNames().learn(before).learn(after);
    Map<String, App> was = apps(before, names);
    Map<String, App> is = apps(after, names);
    List<AppDiff> diffs = new ArrayList<>();
    is.forEach(
        (key, app) -> {
          App old = was.get(key);
          if (old == null) {
            diffs.add(app.diff(AppChange.ADDED, List.of()));
          } else {
            List<FieldDiff.Change> fields =
                masked(FieldDiff.between(old.fingerprint, app.fingerprint));
            if (!fields.isEmpty()) {
              diffs.add(app.diff(AppChange.CHANGED, fields));
            }
          }
        });
    was.forEach(
        (key, app) -> {
          if (!is.containsKey(key)) {
            diffs.add(app.diff(AppChange.REMOVED, List.of()));
          }
        });
    return diffs;
  }

  /**
   * How a field changed, in words: {@code "256M" → "512M"}; a hidden env value only says that it
   * was added, changed or removed.
   */
  public static String describe(FieldDiff.Change change) {
    boolean hidden =
        (change.before() != null && MASKED.equals(change.before().asText()))
            || (change.after() != null && MASKED.equals(change.after().asText()));
    if (hidden || change.before() == null || change.after() == null) {
      String what =
          change.before() == null ? "added" : change.after() == null ? "removed" : "changed";
      if (hidden || change.after() == null) {
        return what;
      }
      return what + ": " + shorten(change.after().toString());
    }
    return shorten(change.before().toString()) + " → " + shorten(change.after().toString());
  }

  private static String shorten(String value) {
    return value.length() > 80 ? value.substring(0, 77) + "…" : value;
  }

  /** The same, as the changes recorded in status. */
  public AppChange toChange() {
    return new AppChange(
        action,
        org,
        space,
        app,
        namespace,
        name,
        fields.isEmpty() ? null : fields.stream().map(FieldDiff.Change::path).toList());
  }

  private record App(CFApp app, JsonNode fingerprint, TenancyNames names) {
    AppDiff diff(String action, List<FieldDiff.Change> fields) {
      return new AppDiff(
          action,
          names.org(app),
          names.space(app),
          TenancyNames.app(app),
          app.getMetadata().getNamespace(),
          app.getMetadata().getName(),
          fields);
    }
  }

  private static Map<String, App> apps(List<HasMetadata> objects, TenancyNames names) {
    Map<String, Secret> secrets = new HashMap<>();
    Map<String, Map<String, JsonNode>> routes = new HashMap<>();
    for (HasMetadata object : objects) {
      String namespace = object.getMetadata().getNamespace();
      if (object instanceof Secret secret) {
        secrets.put(namespace + "/" + secret.getMetadata().getName(), secret);
      } else if (object instanceof CFRoute route && route.getSpec().getDestinations() != null) {
        for (RouteDestination destination : route.getSpec().getDestinations()) {
          routes
              .computeIfAbsent(namespace + "/" + destination.getAppName(), k -> new TreeMap<>())
              .put(url(route), JSON.valueToTree(destination));
        }
      }
    }
    Map<String, App> apps = new LinkedHashMap<>();
    for (HasMetadata object : objects) {
      if (!(object instanceof CFApp app)) {
        continue;
      }
      String key = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
      ObjectNode fingerprint = JSON.valueToTree(app.getSpec());
      fingerprint.remove("source");
      fingerprint.remove("envSecretName");
      Secret env =
          app.getSpec().getEnvSecretName() == null
              ? null
              : secrets.get(
                  app.getMetadata().getNamespace() + "/" + app.getSpec().getEnvSecretName());
      fingerprint.set("env", JSON.valueToTree(values(env)));
      fingerprint.set("routes", JSON.valueToTree(routes.getOrDefault(key, Map.of())));
      apps.put(key, new App(app, fingerprint, names));
    }
    return apps;
  }

  private static Map<String, String> values(Secret env) {
    Map<String, String> values = new TreeMap<>();
    if (env == null) {
      return values;
    }
    if (env.getData() != null) {
      env.getData()
          .forEach(
              (k, v) ->
                  values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (env.getStringData() != null) {
      values.putAll(env.getStringData());
    }
    return values;
  }

  private static List<FieldDiff.Change> masked(List<FieldDiff.Change> changes) {
    return changes.stream()
        .map(
            c ->
                c.path().startsWith("env.")
                    ? new FieldDiff.Change(c.path(), mask(c.before()), mask(c.after()))
                    : c)
        .toList();
  }

  private static JsonNode mask(JsonNode value) {
    return value == null ? null : JSON.getNodeFactory().textNode(MASKED);
  }

  private static String url(CFRoute route) {
    String host = route.getSpec().getHost();
    String path = Objects.requireNonNullElse(route.getSpec().getPath(), "");
    return (host == null || host.isEmpty() ? "" : host + ".") + route.getSpec().getDomain() + path;
  }
}
