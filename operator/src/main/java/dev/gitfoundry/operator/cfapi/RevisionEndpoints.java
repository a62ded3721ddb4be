package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.compiler.repository.StableGuids;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code cf revisions APP} and {@code cf revision APP}: the Git revisions that created or changed
 * the app, from its audit trail (oldest is version 1; the newest is the deployed one while the app
 * is started). The description is the commit's subject; annotations name commit and author.
 */
final class RevisionEndpoints {
  private final Function<CfRequest, CallerView> views;
  private final AuditEventCache stored;

  RevisionEndpoints(Function<CfRequest, CallerView> views, AuditEventCache stored) {
    this.views = views;
    this.stored = stored;
  }

  void register(Router router) {
    router.get("/v3/apps/:guid/revisions", (request, p) -> list(request, p.get("guid")));
    router.get(
        "/v3/apps/:guid/revisions/deployed", (request, p) -> deployed(request, p.get("guid")));
    router.get("/v3/revisions/:guid", (request, p) -> revision(request, p.get("guid")));
  }

  private ObjectNode list(CfRequest request, String appGuid) {
    CFApp app = views.apply(request).visibleApp(appGuid);
    return new ListQuery()
        .field("versions", "version")
        .field("guids", "guid")
        .respond(request, revisionsOf(app, request));
  }

  private ObjectNode deployed(CfRequest request, String appGuid) {
    CFApp app = views.apply(request).visibleApp(appGuid);
    List<ObjectNode> revisions = revisionsOf(app, request);
    boolean running = "STARTED".equals(AppJson.state(app)) && !revisions.isEmpty();
    return ListQuery.page(
        request, running ? List.of(revisions.get(revisions.size() - 1)) : List.of());
  }

  private ObjectNode revision(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    for (CFSpace space : view.spaces(null, null)) {
      for (CFApp app : view.foundation().appsIn(space.getSpec().getNamespace())) {
        for (ObjectNode revision : revisionsOf(app, request)) {
          if (guid.equals(revision.path("guid").asText())) {
            return revision;
          }
        }
      }
    }
    throw CfError.resourceNotFound("Revision");
  }

  /** The app's revisions, oldest first, numbered from 1. */
  private List<ObjectNode> revisionsOf(CFApp app, CfRequest request) {
    String appGuid = CfGuids.of(app);
    List<JsonNode> events = new ArrayList<>(stored.eventsIn(app.getMetadata().getNamespace()));
    // Stored newest first; revisions count from the oldest.
    java.util.Collections.reverse(events);
    List<ObjectNode> revisions = new ArrayList<>();
    for (JsonNode event : events) {
      String type = event.path("type").asText();
      if (appGuid.equals(event.path("target").path("guid").asText())
          && (AppAuditEvents.CREATE.equals(type) || AppAuditEvents.UPDATE.equals(type))) {
        revisions.add(revision(appGuid, revisions.size() + 1, event, request.baseUrl));
      }
    }
    return revisions;
  }

  static ObjectNode revision(String appGuid, int version, JsonNode event, String baseUrl) {
    JsonNode commit = event.path("data").path("commit");
    String sha = commit.path("sha").asText();
    String guid = StableGuids.of("revision", appGuid, sha);
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    json.put("version", version);
    String subject = commit.path("subject").asText();
    json.put(
        "description",
        subject.isEmpty() ? "Revision " + commit.path("short_sha").asText() : subject);
    json.put("deployable", true);
    json.putObject("droplet").put("guid", "");
    json.putObject("processes");
    json.putArray("sidecars");
    json.put("created_at", event.path("created_at").asText());
    json.put("updated_at", event.path("updated_at").asText());
    json.putObject("relationships").set("app", CfJson.toOne(appGuid));
    ObjectNode annotations = CfJson.object();
    annotations.put(Labels.PREFIX + "commit", sha);
    annotations.put(Labels.PREFIX + "author", event.path("actor").path("name").asText());
    annotations.put(Labels.REVISION, event.path("data").path("revision").asText());
    ObjectNode metadata = json.putObject("metadata");
    metadata.putObject("labels");
    metadata.set("annotations", annotations);
    // No environment_variables link: env values live in Secrets and are not recorded per
    // revision; the CLI says so ("Unable to retrieve environment variables for revision.").
    ObjectNode links = json.putObject("links");
    links.set("self", CfJson.link(baseUrl + "/v3/revisions/" + guid));
    links.set("app", CfJson.link(baseUrl + "/v3/apps/" + appGuid));
    return json;
  }
}
