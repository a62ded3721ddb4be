package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A plan told per app, as people think of it: which apps a revision adds, changes (with the
 * manifest fields: {@code processes[web].instances}, {@code env.API_URL}, {@code routes}) and
 * removes. An app's env Secret and the routes to it count as the app's own. Where the app is
 * declared ({@code spec.source}: file and line) is not a change: moving lines changes nothing.
 */
public final class AppChangeSummary {
  private AppChangeSummary() {}

  public static List<AppChange> of(Plan plan) {
    TenancyNames names = new TenancyNames();
    for (ObjectChange change : plan.changes()) {
      names.learn(
          java.util.Arrays.asList(change.live(), change.desired()).stream()
              .filter(java.util.Objects::nonNull)
              .toList());
    }
    Map<String, CFApp> apps = new LinkedHashMap<>();
    Map<String, String> appOfSecret = new LinkedHashMap<>();
    for (ObjectChange change : plan.changes()) {
      HasMetadata object = change.desired() != null ? change.desired() : change.live();
      if (object instanceof CFApp app) {
        apps.put(key(app.getMetadata().getNamespace(), app.getMetadata().getName()), app);
        if (app.getSpec().getEnvSecretName() != null) {
          appOfSecret.put(
              key(app.getMetadata().getNamespace(), app.getSpec().getEnvSecretName()),
              key(app.getMetadata().getNamespace(), app.getMetadata().getName()));
        }
      }
    }
    Map<String, String> actions = new LinkedHashMap<>();
    Map<String, TreeSet<String>> fields = new LinkedHashMap<>();
    for (ObjectChange change : plan.changes()) {
      if (change.action() == ObjectChange.Action.UNCHANGED) {
        continue;
      }
      HasMetadata object = change.desired() != null ? change.desired() : change.live();
      if (object == null) {
        continue;
      }
      String namespace = object.getMetadata().getNamespace();
      if (object instanceof CFApp app) {
        String app1 = key(namespace, app.getMetadata().getName());
        switch (change.action()) {
          case CREATE -> actions.put(app1, AppChange.ADDED);
          case DELETE -> actions.put(app1, AppChange.REMOVED);
          default -> {
            for (String field : change.fields()) {
              String readable = field.startsWith("spec.") ? field.substring(5) : field;
              if (!readable.startsWith("source")) {
                fields.computeIfAbsent(app1, k -> new TreeSet<>()).add(readable);
              }
            }
          }
        }
      } else if (object.getKind().equals("Secret")) {
        String owner = appOfSecret.get(key(namespace, object.getMetadata().getName()));
        if (owner != null) {
          TreeSet<String> changed = fields.computeIfAbsent(owner, k -> new TreeSet<>());
          if (change.action() == ObjectChange.Action.UPDATE) {
            change
                .fields()
                .forEach(f -> changed.add(f.replaceFirst("^(data|stringData)\\.", "env.")));
          } else {
            changed.add("env");
          }
        }
      } else if (object instanceof CFRoute route && route.getSpec().getDestinations() != null) {
        for (RouteDestination destination : route.getSpec().getDestinations()) {
          fields
              .computeIfAbsent(key(namespace, destination.getAppName()), k -> new TreeSet<>())
              .add("routes");
        }
      }
    }
    List<AppChange> changes = new ArrayList<>();
    for (Map.Entry<String, CFApp> entry : apps.entrySet()) {
      String action = actions.get(entry.getKey());
      TreeSet<String> changed = fields.get(entry.getKey());
      if (action == null && (changed == null || changed.isEmpty())) {
        continue;
      }
      CFApp app = entry.getValue();
      changes.add(
          new AppChange(
              action == null ? AppChange.CHANGED : action,
              names.org(app),
              names.space(app),
              TenancyNames.app(app),
              app.getMetadata().getNamespace(),
              app.getMetadata().getName(),
              action == null ? List.copyOf(changed) : null));
    }
    return changes;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
