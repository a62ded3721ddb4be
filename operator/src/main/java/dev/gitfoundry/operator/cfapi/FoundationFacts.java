package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRouteSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What this foundation is, for the commands that ask (feature flags, SSH, tasks, route checks,
 * router groups): fixed facts of a foundation whose every write goes through Git. Where Cloud
 * Foundry has a feature Kubernetes does not give here, the answer is what a CF foundation
 * configured without it answers, never a missing endpoint.
 */
final class FoundationFacts {
  /**
   * Cloud Controller's flags, in its order, set as this foundation behaves: nothing is created or
   * changed through the API (so the creation, upload and scaling flags are off), Docker and CNB
   * apps run, space developers see env.
   */
  static final Map<String, Boolean> FEATURE_FLAGS = featureFlags();

  static final String SSH_DISABLED =
      "ssh is disabled globally: apps run as Kubernetes Pods; use kubectl exec where your RBAC"
          + " allows";

  private final Function<CfRequest, CallerView> views;

  FoundationFacts(Function<CfRequest, CallerView> views) {
    this.views = views;
  }

  void register(Router router) {
    router.get("/v3/feature_flags", (request, p) -> ListQuery.page(request, featureFlags(request)));
    router.get("/v3/feature_flags/:name", (request, p) -> featureFlag(request, p.get("name")));
    router.get("/v3/apps/:guid/ssh_enabled", (request, p) -> sshEnabled(request, p.get("guid")));
    router.get("/v3/apps/:guid/features", (request, p) -> appFeatures(request, p.get("guid")));
    router.get(
        "/v3/apps/:guid/features/:name",
        (request, p) -> appFeature(request, p.get("guid"), p.get("name")));
    router.get("/v3/spaces/:guid/features", (request, p) -> spaceFeatures(request, p.get("guid")));
    router.get(
        "/v3/spaces/:guid/features/:name",
        (request, p) -> spaceFeature(request, p.get("guid"), p.get("name")));
    router.get("/v3/apps/:guid/tasks", (request, p) -> appTasks(request, p.get("guid")));
    router.get("/v3/tasks", (request, p) -> ListQuery.page(request, List.of()));
    router.get(
        "/v3/tasks/:guid",
        (request, p) -> {
          throw CfError.resourceNotFound("Task");
        });
    router.get(
        "/v3/domains/:guid/route_reservations",
        (request, p) -> routeReservation(request, p.get("guid")));
    // cf router-groups appends /v1/router_groups to the root's routing link, without credentials.
    router.publicGet("/routing/v1/router_groups", (request, p) -> CfJson.array());
  }

  private static Map<String, Boolean> featureFlags() {
    Map<String, Boolean> flags = new LinkedHashMap<>();
    flags.put("user_org_creation", false);
    flags.put("private_domain_creation", false);
    flags.put("app_bits_upload", false);
    flags.put("app_scaling", false);
    flags.put("route_creation", false);
    flags.put("service_instance_creation", false);
    flags.put("diego_docker", true);
    flags.put("diego_cnb", true);
    flags.put("set_roles_by_username", false);
    flags.put("unset_roles_by_username", false);
    flags.put("task_creation", false);
    flags.put("env_var_visibility", true);
    flags.put("space_scoped_private_broker_creation", false);
    flags.put("space_developer_env_var_visibility", true);
    flags.put("service_instance_sharing", false);
    flags.put("hide_marketplace_from_unauthenticated_users", false);
    flags.put("resource_matching", false);
    flags.put("route_sharing", false);
    flags.put("hash_based_routing", false);
    return Collections.unmodifiableMap(flags);
  }

  private static List<ObjectNode> featureFlags(CfRequest request) {
    List<ObjectNode> flags = new ArrayList<>();
    FEATURE_FLAGS.forEach((name, enabled) -> flags.add(flag(request, name, enabled)));
    return flags;
  }

  private static ObjectNode featureFlag(CfRequest request, String name) {
    Boolean enabled = FEATURE_FLAGS.get(name);
    if (enabled == null) {
      // The CLI turns exactly this detail into "Feature Flag N not found".
      throw CfError.exactlyNotFound("Feature flag not found");
    }
    return flag(request, name, enabled);
  }

  private static ObjectNode flag(CfRequest request, String name, boolean enabled) {
    ObjectNode json = CfJson.object();
    json.put("name", name);
    json.put("enabled", enabled);
    json.putNull("updated_at");
    json.putNull("custom_error_message");
    json.putObject("links").set("self", CfJson.link(request.baseUrl + "/v3/feature_flags/" + name));
    return json;
  }

  private ObjectNode sshEnabled(CfRequest request, String appGuid) {
    visibleApp(request, appGuid);
    ObjectNode body = CfJson.object();
    body.put("enabled", false);
    body.put("reason", SSH_DISABLED);
    return body;
  }

  private ObjectNode appFeatures(CfRequest request, String appGuid) {
    visibleApp(request, appGuid);
    return ListQuery.page(request, List.of(appFeature("ssh"), appFeature("revisions")));
  }

  private ObjectNode appFeature(CfRequest request, String appGuid, String name) {
    visibleApp(request, appGuid);
    if (!name.equals("ssh") && !name.equals("revisions")) {
      throw CfError.resourceNotFound("Feature");
    }
    return appFeature(name);
  }

  /** SSH is off; revisions are on (they are the Git revisions that changed the app). */
  private static ObjectNode appFeature(String name) {
    ObjectNode json = CfJson.object();
    json.put("name", name);
    if (name.equals("ssh")) {
      json.put("description", "Enable SSHing into the app.");
      json.put("enabled", false);
    } else {
      json.put("description", "Enable versioning of an application");
      json.put("enabled", true);
    }
    return json;
  }

  private ObjectNode spaceFeatures(CfRequest request, String spaceGuid) {
    visibleSpace(request, spaceGuid);
    return ListQuery.page(request, List.of(spaceSsh()));
  }

  private ObjectNode spaceFeature(CfRequest request, String spaceGuid, String name) {
    visibleSpace(request, spaceGuid);
    if (!name.equals("ssh")) {
      throw CfError.resourceNotFound("Feature");
    }
    return spaceSsh();
  }

  private static ObjectNode spaceSsh() {
    ObjectNode json = CfJson.object();
    json.put("name", "ssh");
    json.put("description", "Enable SSHing into apps in the space.");
    json.put("enabled", false);
    return json;
  }

  /** Tasks are one-off commands started through the API; nothing starts them here. */
  private ObjectNode appTasks(CfRequest request, String appGuid) {
    visibleApp(request, appGuid);
    return ListQuery.page(request, List.of());
  }

  /** {@code cf check-route}: whether any route of the foundation has this host, path and port. */
  private ObjectNode routeReservation(CfRequest request, String domainGuid) {
    String host = emptyIfNull(request.query.get("host"));
    String path = emptyIfNull(request.query.get("path"));
    String port = request.query.get("port");
    boolean matching =
        views.apply(request).foundation().routes().stream()
            .map(route -> route.getSpec())
            .anyMatch(
                spec ->
                    domainGuid.equals(CfGuids.domain(spec.getDomain()))
                        && host.equals(emptyIfNull(spec.getHost()))
                        && samePath(path, spec)
                        && (port == null || port.equals(String.valueOf(spec.getPort()))));
    ObjectNode body = CfJson.object();
    body.put("matching_route", matching);
    return body;
  }

  private static boolean samePath(String path, CFRouteSpec spec) {
    String routePath = emptyIfNull(spec.getPath());
    return Objects.equals(trimSlash(path), trimSlash(routePath));
  }

  private static String trimSlash(String path) {
    return path.replaceAll("/+$", "");
  }

  private static String emptyIfNull(String value) {
    return value == null ? "" : value;
  }

  private CFApp visibleApp(CfRequest request, String guid) {
    return views.apply(request).visibleApp(guid);
  }

  private void visibleSpace(CfRequest request, String guid) {
    views.apply(request).space(guid).orElseThrow(() -> CfError.resourceNotFound("Space"));
  }
}
