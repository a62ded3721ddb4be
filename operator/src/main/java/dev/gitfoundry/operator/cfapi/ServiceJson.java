package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.operator.cfapi.ServiceInstances.Binding;
import dev.gitfoundry.operator.cfapi.ServiceInstances.Instance;

/**
 * User-provided service instances and their app bindings in Cloud Controller's shape. The last
 * operation says whether the backing Secret exists; when it does not, the message says which Secret
 * to create, where.
 */
final class ServiceJson {
  private ServiceJson() {}

  static ObjectNode instance(Instance instance, String baseUrl) {
    ObjectNode json = CfJson.object();
    json.put("guid", instance.guid());
    json.put("created_at", instance.createdAt());
    json.put("updated_at", instance.createdAt());
    json.put("name", instance.name());
    json.put("type", "user-provided");
    json.putArray("tags");
    json.putNull("syslog_drain_url");
    json.putNull("route_service_url");
    json.set("last_operation", lastOperation(instance));
    json.putObject("relationships").set("space", CfJson.toOne(instance.spaceGuid()));
    json.set("metadata", CfJson.metadata(null, null));
    ObjectNode links = json.putObject("links");
    String self = baseUrl + "/v3/service_instances/" + instance.guid();
    links.set("self", CfJson.link(self));
    links.set("space", CfJson.link(baseUrl + "/v3/spaces/" + instance.spaceGuid()));
    links.set("credentials", CfJson.link(self + "/credentials"));
    links.set(
        "service_credential_bindings",
        CfJson.link(
            baseUrl + "/v3/service_credential_bindings?service_instance_guids=" + instance.guid()));
    links.set(
        "service_route_bindings",
        CfJson.link(
            baseUrl + "/v3/service_route_bindings?service_instance_guids=" + instance.guid()));
    return json;
  }

  static ObjectNode binding(Instance instance, Binding binding, String baseUrl) {
    ObjectNode json = CfJson.object();
    json.put("guid", binding.guid());
    String created = binding.app().getMetadata().getCreationTimestamp();
    json.put("created_at", created);
    json.put("updated_at", created);
    json.put("name", binding.name());
    json.put("type", "app");
    ObjectNode operation = lastOperation(instance);
    // The instance says what to create; its bindings say only why they wait.
    operation.put(
        "description",
        instance.secretExists()
            ? ""
            : "Secret " + instance.name() + " not found in namespace " + instance.namespace());
    json.set("last_operation", operation);
    ObjectNode relationships = json.putObject("relationships");
    relationships.set("app", CfJson.toOne(CfGuids.of(binding.app())));
    relationships.set("service_instance", CfJson.toOne(instance.guid()));
    json.set("metadata", CfJson.metadata(null, null));
    ObjectNode links = json.putObject("links");
    String self = baseUrl + "/v3/service_credential_bindings/" + binding.guid();
    links.set("self", CfJson.link(self));
    links.set("details", CfJson.link(self + "/details"));
    links.set("app", CfJson.link(baseUrl + "/v3/apps/" + CfGuids.of(binding.app())));
    links.set(
        "service_instance", CfJson.link(baseUrl + "/v3/service_instances/" + instance.guid()));
    return json;
  }

  private static ObjectNode lastOperation(Instance instance) {
    ObjectNode operation = CfJson.object();
    operation.put("type", "create");
    operation.put("state", instance.secretExists() ? "succeeded" : "failed");
    operation.put(
        "description",
        instance.secretExists()
            ? "backed by Secret " + instance.name() + " in namespace " + instance.namespace()
            : "Secret "
                + instance.name()
                + " not found in namespace "
                + instance.namespace()
                + ": create it with the credentials (kubectl -n "
                + instance.namespace()
                + " create secret generic "
                + instance.name()
                + " --from-literal=KEY=VALUE)");
    operation.put("created_at", instance.createdAt());
    operation.put("updated_at", instance.createdAt());
    return operation;
  }
}
