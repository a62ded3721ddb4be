package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code cf events APP} and {@code /v3/audit_events}: what Git did to apps (recorded per applied
 * revision by {@link AuditTrail}) and what their Pods did ({@link CrashEvents}), in the spaces the
 * caller sees, filtered and paged as Cloud Controller does.
 */
final class AuditEventEndpoints {
  private final Function<CfRequest, CallerView> views;
  private final AuditEventCache stored;

  AuditEventEndpoints(Function<CfRequest, CallerView> views, AuditEventCache stored) {
    this.views = views;
    this.stored = stored;
  }

  void register(Router router) {
    router.get("/v3/audit_events", (request, p) -> list(request));
    router.get("/v3/audit_events/:guid", (request, p) -> event(request, p.get("guid")));
  }

  private ObjectNode list(CfRequest request) {
    CallerView view = views.apply(request);
    List<CFSpace> spaces =
        view.spaces(request.list("space_guids"), request.list("organization_guids"));
    List<ObjectNode> events = events(view, spaces, request.list("target_guids"), request);
    return new ListQuery()
        .field("guids", "guid")
        .field("types", "type")
        .field("target_guids", "target", "guid")
        .field("space_guids", "space", "guid")
        .field("organization_guids", "organization", "guid")
        .respond(request, events);
  }

  private ObjectNode event(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    return events(view, view.spaces(null, null), null, request).stream()
        .filter(event -> guid.equals(event.path("guid").asText()))
        .findFirst()
        .orElseThrow(() -> CfError.resourceNotFound("Event"));
  }

  /** Stored events of the spaces, and crash events of their apps (only of targets, if given). */
  private List<ObjectNode> events(
      CallerView view, List<CFSpace> spaces, List<String> targets, CfRequest request) {
    Set<String> targetSet = targets == null ? null : new HashSet<>(targets);
    List<ObjectNode> events = new ArrayList<>();
    for (CFSpace space : spaces) {
      String namespace = space.getSpec().getNamespace();
      for (JsonNode event : stored.eventsIn(namespace)) {
        if (targetSet == null || targetSet.contains(event.path("target").path("guid").asText())) {
          events.add(withLinks(event.deepCopy(), request));
        }
      }
      String spaceGuid = CfGuids.of(space);
      String orgGuid = view.orgGuidOf(space);
      for (CFApp app : view.foundation().appsIn(namespace)) {
        if (targetSet == null || targetSet.contains(CfGuids.of(app))) {
          CrashEvents.of(app, spaceGuid, orgGuid, view.foundation()::podsOf)
              .forEach(event -> events.add(withLinks(event, request)));
        }
      }
    }
    return events;
  }

  private static ObjectNode withLinks(ObjectNode event, CfRequest request) {
    event
        .putObject("links")
        .set(
            "self",
            CfJson.link(request.baseUrl + "/v3/audit_events/" + event.path("guid").asText()));
    return event;
  }
}
