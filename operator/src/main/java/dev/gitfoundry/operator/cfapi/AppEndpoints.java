package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Apps and their processes: {@code cf apps}, {@code cf app}, {@code cf curl /v3/apps}. Instance
 * states come from the Pods in the cache.
 */
final class AppEndpoints {
  private final Function<CfRequest, CallerView> views;
  private final PodUsage usage;
  private final Clock clock;

  AppEndpoints(Function<CfRequest, CallerView> views, PodUsage usage, Clock clock) {
    this.views = views;
    this.usage = usage;
    this.clock = clock;
  }

  void register(Router router) {
    router.get("/v3/apps", (request, p) -> listApps(request));
    router.get("/v3/apps/:guid", (request, p) -> app(request, p.get("guid")));
    router.get("/v3/apps/:guid/processes", (request, p) -> appProcesses(request, p.get("guid")));
    router.get(
        "/v3/apps/:guid/processes/:type",
        (request, p) -> appProcess(request, p.get("guid"), p.get("type")));
    router.get(
        "/v3/apps/:guid/processes/:type/stats",
        (request, p) -> appProcessStats(request, p.get("guid"), p.get("type")));
    router.get("/v3/processes", (request, p) -> listProcesses(request));
    router.get("/v3/processes/:guid", (request, p) -> process(request, p.get("guid")));
    router.get("/v3/processes/:guid/stats", (request, p) -> processStats(request, p.get("guid")));
  }

  private ObjectNode listApps(CfRequest request) {
    CallerView view = views.apply(request);
    List<CFSpace> spaces =
        view.spaces(request.list("space_guids"), request.list("organization_guids"));
    List<ObjectNode> apps =
        view.apps(request.list("guids"), spaces).stream()
            .map(
                app ->
                    AppJson.of(
                        app, view.spaceGuidOf(app.getMetadata().getNamespace()), request.baseUrl))
            .toList();
    return new ListQuery()
        .field("names", "name")
        .field("guids", "guid")
        .field("space_guids", "relationships", "space", "data", "guid")
        .field("lifecycle_type", "lifecycle", "type")
        .respond(request, apps);
  }

  private ObjectNode app(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFApp app = visibleApp(view, guid);
    return AppJson.of(app, view.spaceGuidOf(app.getMetadata().getNamespace()), request.baseUrl);
  }

  private ObjectNode appProcesses(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFApp app = visibleApp(view, guid);
    return new ListQuery()
        .field("types", "type")
        .respond(request, processesJson(view, List.of(app), request, false));
  }

  private ObjectNode appProcess(CfRequest request, String guid, String type) {
    CallerView view = views.apply(request);
    CFApp app = visibleApp(view, guid);
    return ProcessJson.of(
        app,
        processOf(app, type),
        view.spaceGuidOf(app.getMetadata().getNamespace()),
        request.baseUrl);
  }

  private ObjectNode appProcessStats(CfRequest request, String guid, String type) {
    CFApp app = visibleApp(views.apply(request), guid);
    ProcessSpec process = processOf(app, type);
    return ProcessJson.stats(process, instances(views.apply(request), app, process), usage);
  }

  private ObjectNode listProcesses(CfRequest request) {
    CallerView view = views.apply(request);
    List<CFSpace> spaces =
        view.spaces(request.list("space_guids"), request.list("organization_guids"));
    List<CFApp> apps = view.apps(request.list("app_guids"), spaces);
    boolean embedInstances =
        request.list("embed") != null && request.list("embed").contains("process_instances");
    return new ListQuery()
        .field("guids", "guid")
        .field("types", "type")
        .respond(request, processesJson(view, apps, request, embedInstances));
  }

  private ObjectNode process(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFApp app = view.appWithProcess(guid).orElseThrow(() -> CfError.resourceNotFound("Process"));
    return ProcessJson.of(
        app,
        processByGuid(app, guid),
        view.spaceGuidOf(app.getMetadata().getNamespace()),
        request.baseUrl);
  }

  private ObjectNode processStats(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFApp app =
        view.appWithProcess(guid).orElseThrow(() -> CfError.exactlyNotFound("Process not found"));
    ProcessSpec process = processByGuid(app, guid);
    return ProcessJson.stats(process, instances(view, app, process), usage);
  }

  private List<ObjectNode> processesJson(
      CallerView view, List<CFApp> apps, CfRequest request, boolean embedInstances) {
    List<ObjectNode> processes = new ArrayList<>();
    for (CFApp app : apps) {
      String spaceGuid = view.spaceGuidOf(app.getMetadata().getNamespace());
      for (ProcessSpec process : FoundationCache.processesOf(app)) {
        ObjectNode json = ProcessJson.of(app, process, spaceGuid, request.baseUrl);
        if (embedInstances) {
          json.set(
              "process_instances",
              (JsonNode) ProcessJson.embeddedInstances(instances(view, app, process)));
        }
        processes.add(json);
      }
    }
    return processes;
  }

  private List<InstanceStates.Instance> instances(CallerView view, CFApp app, ProcessSpec process) {
    int desired = ProcessJson.instances(process);
    if ("STOPPED".equals(AppJson.state(app))) {
      // A stopped app keeps its instance count; every instance is down, as on CF.
      return InstanceStates.of(desired, List.of(), clock.instant());
    }
    var pods = view.foundation().podsOf(CfGuids.of(app), process.getType());
    return InstanceStates.of(desired, pods, clock.instant());
  }

  private static CFApp visibleApp(CallerView view, String guid) {
    return view.app(guid).orElseThrow(() -> CfError.exactlyNotFound("App not found"));
  }

  private static ProcessSpec processOf(CFApp app, String type) {
    return FoundationCache.processesOf(app).stream()
        .filter(process -> process.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> CfError.exactlyNotFound("Process not found"));
  }

  private static ProcessSpec processByGuid(CFApp app, String guid) {
    String appGuid = CfGuids.of(app);
    return FoundationCache.processesOf(app).stream()
        .filter(process -> CfGuids.process(appGuid, process.getType()).equals(guid))
        .findFirst()
        .orElseThrow(() -> CfError.exactlyNotFound("Process not found"));
  }
}
