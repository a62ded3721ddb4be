package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.CFSpace;

/** A CFSpace as a V3 space, related to its org by the org's GUID, and to its quota if any. */
final class SpaceJson {
  private SpaceJson() {}

  static ObjectNode of(CFSpace space, String orgGuid, String baseUrl) {
    String guid = CfGuids.of(space);
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    CfJson.timestamps(json, space);
    json.put("name", space.getSpec().getDisplayName());
    ObjectNode relationships = json.putObject("relationships");
    relationships.set("organization", CfJson.toOne(orgGuid));
    String quota = space.getSpec().getQuota() == null ? null : space.getSpec().getQuota().getGuid();
    relationships.set("quota", CfJson.toOne(quota));
    CFMetadata metadata = space.getSpec().getCfMetadata();
    json.set(
        "metadata",
        CfJson.metadata(
            metadata == null ? null : metadata.getLabels(),
            metadata == null ? null : metadata.getAnnotations()));
    ObjectNode links = json.putObject("links");
    links.set("self", CfJson.link(baseUrl + "/v3/spaces/" + guid));
    links.set("organization", CfJson.link(baseUrl + "/v3/organizations/" + orgGuid));
    if (quota != null) {
      links.set("quota", CfJson.link(baseUrl + "/v3/space_quotas/" + quota));
    }
    return json;
  }
}
