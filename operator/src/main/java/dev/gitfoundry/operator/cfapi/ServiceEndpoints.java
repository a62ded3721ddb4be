package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.operator.cfapi.ServiceInstances.Binding;
import dev.gitfoundry.operator.cfapi.ServiceInstances.Instance;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Services: {@code cf services}, {@code cf service}, {@code cf service-keys}, {@code cf
 * marketplace}. Instances are user-provided ({@link ServiceInstances}); there are no brokers, so
 * the marketplace is empty and there are no service keys. Credentials are shown only to callers
 * allowed to read Secrets in the space.
 */
final class ServiceEndpoints {
  private final Function<CfRequest, CallerView> views;
  private final ServiceInstances instances;
  private final Permissions permissions;
  private final KubernetesClient privileged;

  ServiceEndpoints(
      Function<CfRequest, CallerView> views,
      ServiceInstances instances,
      Permissions permissions,
      KubernetesClient privileged) {
    this.views = views;
    this.instances = instances;
    this.permissions = permissions;
    this.privileged = privileged;
  }

  void register(Router router) {
    router.get("/v3/service_instances", (request, p) -> listInstances(request));
    router.get("/v3/service_instances/:guid", (request, p) -> instance(request, p.get("guid")));
    router.get(
        "/v3/service_instances/:guid/credentials",
        (request, p) -> credentials(request, instanceOf(request, p.get("guid"))));
    router.get(
        "/v3/service_instances/:guid/relationships/shared_spaces",
        (request, p) -> {
          instanceOf(request, p.get("guid"));
          ObjectNode body = CfJson.object();
          body.putArray("data");
          return body;
        });
    router.get("/v3/service_credential_bindings", (request, p) -> listBindings(request));
    router.get(
        "/v3/service_credential_bindings/:guid", (request, p) -> binding(request, p.get("guid")));
    router.get(
        "/v3/service_credential_bindings/:guid/details",
        (request, p) -> bindingDetails(request, p.get("guid")));
    for (String none :
        List.of("/v3/service_offerings", "/v3/service_plans", "/v3/service_brokers")) {
      router.get(none, (request, p) -> ListQuery.page(request, List.of()));
    }
    router.get(
        "/v3/service_offerings/:guid",
        (request, p) -> {
          throw CfError.resourceNotFound("Service offering");
        });
    router.get(
        "/v3/service_plans/:guid",
        (request, p) -> {
          throw CfError.resourceNotFound("Service plan");
        });
  }

  private ObjectNode listInstances(CfRequest request) {
    List<ObjectNode> json =
        visibleInstances(request).stream()
            .map(instance -> ServiceJson.instance(instance, request.baseUrl))
            .toList();
    return new ListQuery()
        .field("names", "name")
        .field("guids", "guid")
        .field("type", "type")
        .field("space_guids", "relationships", "space", "data", "guid")
        .respond(request, json);
  }

  private ObjectNode instance(CfRequest request, String guid) {
    return ServiceJson.instance(instanceOf(request, guid), request.baseUrl);
  }

  private ObjectNode listBindings(CfRequest request) {
    Map<String, CFApp> apps = new LinkedHashMap<>();
    Map<String, ObjectNode> instancesByGuid = new LinkedHashMap<>();
    List<ObjectNode> json = new ArrayList<>();
    for (Instance instance : visibleInstances(request)) {
      ObjectNode instanceJson = ServiceJson.instance(instance, request.baseUrl);
      instancesByGuid.put(instance.guid(), instanceJson);
      for (Binding binding : instance.bindings()) {
        ObjectNode bindingJson = ServiceJson.binding(instance, binding, request.baseUrl);
        bindingJson.put("app_name", binding.app().getSpec().getDisplayName());
        bindingJson.put("service_instance_name", instance.name());
        json.add(bindingJson);
        apps.put(CfGuids.of(binding.app()), binding.app());
      }
    }
    ObjectNode body =
        new ListQuery()
            .field("guids", "guid")
            .field("names", "name")
            .field("type", "type")
            .field("app_guids", "relationships", "app", "data", "guid")
            .field("app_names", "app_name")
            .field("service_instance_guids", "relationships", "service_instance", "data", "guid")
            .field("service_instance_names", "service_instance_name")
            .respond(request, json);
    // The filter helpers above are not part of Cloud Controller's shape.
    for (JsonNode binding : body.path("resources")) {
      ((ObjectNode) binding).remove(List.of("app_name", "service_instance_name"));
    }
    List<String> include = request.list("include");
    if (include != null) {
      ObjectNode included = body.putObject("included");
      if (include.contains("app")) {
        ArrayNode includedApps = included.putArray("apps");
        distinct(body, "app")
            .forEach(
                guid -> {
                  CFApp app = apps.get(guid);
                  includedApps.add(
                      AppJson.of(
                          app,
                          views.apply(request).spaceGuidOf(app.getMetadata().getNamespace()),
                          request.baseUrl));
                });
      }
      if (include.contains("service_instance")) {
        ArrayNode includedInstances = included.putArray("service_instances");
        distinct(body, "service_instance")
            .forEach(g -> includedInstances.add(instancesByGuid.get(g)));
      }
    }
    return body;
  }

  private ObjectNode binding(CfRequest request, String guid) {
    for (Instance instance : visibleInstances(request)) {
      for (Binding binding : instance.bindings()) {
        if (binding.guid().equals(guid)) {
          return ServiceJson.binding(instance, binding, request.baseUrl);
        }
      }
    }
    throw CfError.resourceNotFound("Service credential binding");
  }

  private ObjectNode bindingDetails(CfRequest request, String guid) {
    for (Instance instance : visibleInstances(request)) {
      for (Binding binding : instance.bindings()) {
        if (binding.guid().equals(guid)) {
          ObjectNode body = CfJson.object();
          body.set("credentials", credentials(request, instance));
          return body;
        }
      }
    }
    throw CfError.resourceNotFound("Service credential binding");
  }

  /** The Secret's values, for callers who may read Secrets in the space. */
  private ObjectNode credentials(CfRequest request, Instance instance) {
    permissions.require(
        views.apply(request).caller(), instance.namespace(), Permissions.Permission.READ_SECRETS);
    ObjectNode credentials = CfJson.object();
    AppEnvironment.values(
            privileged.secrets().inNamespace(instance.namespace()).withName(instance.name()).get())
        .forEach(credentials::put);
    return credentials;
  }

  private List<Instance> visibleInstances(CfRequest request) {
    CallerView view = views.apply(request);
    List<CFSpace> spaces =
        view.spaces(request.list("space_guids"), request.list("organization_guids"));
    return instances.in(spaces, view.foundation());
  }

  private Instance instanceOf(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    return instances.in(view.spaces(null, null), view.foundation()).stream()
        .filter(instance -> instance.guid().equals(guid))
        .findFirst()
        .orElseThrow(() -> CfError.resourceNotFound("Service instance"));
  }

  private static List<String> distinct(ObjectNode body, String relationship) {
    List<String> guids = new ArrayList<>();
    for (JsonNode resource : body.path("resources")) {
      String guid = CfJson.text(resource, "relationships", relationship, "data", "guid");
      if (guid != null && !guids.contains(guid)) {
        guids.add(guid);
      }
    }
    return guids;
  }
}
