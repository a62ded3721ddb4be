package dev.gitfoundry.operator.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which apps a pull request adds or changes, compared with the base branch. An app's desired state
 * is its CFApp spec, its env Secret and the routes that send traffic to it; where the app is
 * declared (file and line) is left out, so moving a manifest's lines around changes nothing.
 */
public final class AppChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AppChanges() {}

  /** Apps of {@code head} that {@code base} lacks or declares differently, in head order. */
  public static List<AppKey> changed(List<HasMetadata> base, List<HasMetadata> head) {
    Map<AppKey, JsonNode> before = fingerprints(base);
    Map<AppKey, JsonNode> after = fingerprints(head);
    List<AppKey> changed = new ArrayList<>();
    after.forEach(
        (key, desired) -> {
          if (!Objects.equals(before.get(key), desired)) {
            changed.add(key);
          }
        });
    return changed;
  }

  private static Map<AppKey, JsonNode> fingerprints(List<HasMetadata> objects) {
    Map<String, Secret> secrets = new HashMap<>();
    Map<AppKey, List<CFRoute>> routes = new HashMap<>();
    for (HasMetadata object : objects) {
      if (object instanceof Secret secret) {
        secrets.put(
            secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName(), secret);
      } else if (object instanceof CFRoute route && route.getSpec().getDestinations() != null) {
        for (RouteDestination destination : route.getSpec().getDestinations()) {
          routes
              .computeIfAbsent(
                  new AppKey(route.getMetadata().getNamespace(), destination.getAppName()),
                  k -> new ArrayList<>())
              .add(route);
        }
      }
    }
    Map<AppKey, JsonNode> fingerprints = new java.util.LinkedHashMap<>();
    for (HasMetadata object : objects) {
      if (!(object instanceof CFApp app)) {
        continue;
      }
      AppKey key = new AppKey(app.getMetadata().getNamespace(), app.getMetadata().getName());
      ObjectNode fingerprint = JSON.createObjectNode();
      ObjectNode spec = JSON.valueToTree(app.getSpec());
      spec.remove("source");
      fingerprint.set("app", spec);
      Secret env =
          app.getSpec().getEnvSecretName() == null
              ? null
              : secrets.get(key.namespace() + "/" + app.getSpec().getEnvSecretName());
      if (env != null) {
        Map<String, String> values = new TreeMap<>();
        if (env.getData() != null) {
          values.putAll(env.getData());
        }
        if (env.getStringData() != null) {
          values.putAll(env.getStringData());
        }
        fingerprint.set("env", JSON.valueToTree(values));
      }
      Map<String, JsonNode> routeSpecs = new TreeMap<>();
      for (CFRoute route : routes.getOrDefault(key, List.of())) {
        routeSpecs.put(route.getMetadata().getName(), JSON.valueToTree(route.getSpec()));
      }
      fingerprint.set("routes", JSON.valueToTree(routeSpecs));
      fingerprints.put(key, fingerprint);
    }
    return fingerprints;
  }
}
