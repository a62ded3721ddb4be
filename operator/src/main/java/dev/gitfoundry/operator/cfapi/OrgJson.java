package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.CFOrg;

/** A CFOrg as a V3 organization, related to its quota when org.yml names one. */
final class OrgJson {
  private OrgJson() {}

  static ObjectNode of(CFOrg org, String baseUrl) {
    String guid = CfGuids.of(org);
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    CfJson.timestamps(json, org);
    json.put("name", org.getSpec().getDisplayName());
    json.put("suspended", false);
    String quota = org.getSpec().getQuota() == null ? null : org.getSpec().getQuota().getGuid();
    ObjectNode relationships = json.putObject("relationships");
    if (quota != null) {
      // Without one, cf org asks /v3/organization_quotas/ and shows no quota, as on Korifi.
      relationships.set("quota", CfJson.toOne(quota));
    }
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
    if (quota != null) {
      links.set("quota", CfJson.link(baseUrl + "/v3/organization_quotas/" + quota));
    }
    return json;
  }
}
