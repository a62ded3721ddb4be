package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A domain as a V3 domain. Domains come from the foundation's configuration, not from orgs, so
 * every one is shared (no owning organization), as on Korifi.
 */
final class DomainJson {
  private static final String EPOCH = "1970-01-01T00:00:00Z";

  private DomainJson() {}

  static ObjectNode of(String name, String baseUrl) {
    String guid = CfGuids.domain(name);
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    json.put("created_at", EPOCH);
    json.put("updated_at", EPOCH);
    json.put("name", name);
    json.put("internal", false);
    json.putNull("router_group");
    json.putArray("supported_protocols").add("http");
    ObjectNode relationships = json.putObject("relationships");
    relationships.set("organization", CfJson.toOne(null));
    relationships.putObject("shared_organizations").putArray("data");
    json.set("metadata", CfJson.metadata(null, null));
    json.putObject("links").set("self", CfJson.link(baseUrl + "/v3/domains/" + guid));
    return json;
  }
}
