package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code include=organization} on a list of spaces: the spaces' orgs under {@code
 * included.organizations}, which {@code cf security-groups} reads to name each space's org.
 */
final class IncludedOrganizations {
  private IncludedOrganizations() {}

  static ObjectNode add(ObjectNode body, CfRequest request, CallerView view) {
    List<String> include = request.list("include");
    if (include == null || !include.contains("organization")) {
      return body;
    }
    Set<String> orgGuids = new LinkedHashSet<>();
    for (JsonNode space : body.path("resources")) {
      String guid = CfJson.text(space, "relationships", "organization", "data", "guid");
      if (guid != null) {
        orgGuids.add(guid);
      }
    }
    ArrayNode organizations = body.putObject("included").putArray("organizations");
    for (String guid : orgGuids) {
      view.org(guid).ifPresent(org -> organizations.add(OrgJson.of(org, request.baseUrl)));
    }
    return body;
  }
}
