package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.CFOrg;

/** A CFOrg as a V3 organization. It has no quota relationship, as on Korifi. */
final class OrgJson {
  private OrgJson() {}

  static ObjectNode of(CFOrg org, String baseUrl) {
    String guid = CfGuids.of(org);
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    CfJson.timestamps(json, org);
    json.put("name", org.getSpec().getDisplayName());
    json.put("suspended", false);
    json.putObject("relationships");
    CFMetadata metadata = org.getSpec().getCfMetadata();
    json.set(
        "metadata",
        CfJson.metadata(
            metadata == null ? null : metadata.getLabels(),
            metadata == null ? null : metadata.getAnnotations()));
    ObjectNode links = json.putObject("links");
    String self = baseUrl + "/v3/organizations/" + guid;
    links.set("self", CfJson.link(self));
    links.set("domains", CfJson.link(self + "/domains"));
    links.set("default_domain", CfJson.link(self + "/domains/default"));
    return json;
  }
}
