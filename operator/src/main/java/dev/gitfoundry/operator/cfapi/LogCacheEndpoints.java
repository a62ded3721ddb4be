package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import java.time.Clock;
import java.util.function.Function;

/**
 * The log-cache API the cf CLI reads ({@code cf logs APP [--recent]}), at the root of this host
 * (go-log-cache replaces the path of the root's {@code log_cache} link): {@code /api/v1/info} and
 * {@code /api/v1/read/<app-guid>}, served from the Pods' output. Reading needs the caller's own
 * {@code get pods/log} in the space (space developers have it; auditors do not, as on CF).
 */
final class LogCacheEndpoints {
  /** go-log-cache takes 2.0.0 and later as "serves /api/v1". */
  static final String VERSION = "3.0.3";

  private final Function<CfRequest, CallerView> views;
  private final Permissions permissions;
  private final LogCacheReads reads;
  private final Clock clock;

  LogCacheEndpoints(
      Function<CfRequest, CallerView> views,
      Permissions permissions,
      LogCacheReads reads,
      Clock clock) {
    this.views = views;
    this.permissions = permissions;
    this.reads = reads;
    this.clock = clock;
  }

  void register(Router router) {
    router.publicGet(
        "/api/v1/info",
        (request, p) -> CfJson.object().put("version", VERSION).put("vm_uptime", "0"));
    router.get("/api/v1/read/:guid", (request, p) -> read(request, p.get("guid")));
  }

  private ObjectNode read(CfRequest request, String appGuid) {
    CallerView view = views.apply(request);
    CFApp app = view.app(appGuid).orElseThrow(() -> CfError.resourceNotFound("App"));
    permissions.require(
        view.caller(), app.getMetadata().getNamespace(), Permissions.Permission.READ_POD_LOGS);
    return reads.read(
        app, view.foundation()::podsOf, LogCacheReads.query(request, clock.instant()));
  }
}
