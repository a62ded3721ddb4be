package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The foundation as one caller may see it: the cached objects, narrowed by RBAC. Single lookups of
 * something invisible answer empty, so endpoints report "not found" rather than "forbidden", as CF
 * does.
 */
final class CallerView {
  private final FoundationCache foundation;
  private final Visibility visibility;
  private final Identity caller;

  CallerView(FoundationCache foundation, Visibility visibility, Identity caller) {
    this.foundation = foundation;
    this.visibility = visibility;
    this.caller = caller;
  }

  FoundationCache foundation() {
    return foundation;
  }

  Identity caller() {
    return caller;
  }

  List<CFOrg> orgs() {
    return foundation.orgs().stream().filter(org -> visibility.canSee(caller, org)).toList();
  }

  Optional<CFOrg> org(String guid) {
    return foundation.org(guid).filter(org -> visibility.canSee(caller, org));
  }

  /** Visible spaces, narrowed to the given space and org GUIDs when those are not null. */
  List<CFSpace> spaces(List<String> spaceGuids, List<String> orgGuids) {
    List<CFSpace> candidates;
    if (spaceGuids != null) {
      candidates = new ArrayList<>();
      for (String guid : new HashSet<>(spaceGuids)) {
        foundation.space(guid).ifPresent(candidates::add);
      }
    } else {
      candidates = foundation.spaces();
    }
    Set<String> orgs = orgGuids == null ? null : new HashSet<>(orgGuids);
    return candidates.stream()
        .filter(space -> orgs == null || orgs.contains(orgGuidOf(space)))
        .filter(space -> visibility.canSee(caller, space))
        .toList();
  }

  Optional<CFSpace> space(String guid) {
    return foundation.space(guid).filter(space -> visibility.canSee(caller, space));
  }

  String orgGuidOf(CFSpace space) {
    return foundation.orgOf(space).map(CfGuids::of).orElse(null);
  }

  String spaceGuidOf(String namespace) {
    return foundation.spaceOwning(namespace).map(CfGuids::of).orElse(null);
  }

  List<CFApp> appsIn(List<CFSpace> spaces) {
    List<CFApp> apps = new ArrayList<>();
    for (CFSpace space : spaces) {
      apps.addAll(foundation.appsIn(space.getSpec().getNamespace()));
    }
    return apps;
  }

  /** Apps by GUID (when given) or in the given visible spaces. */
  List<CFApp> apps(List<String> appGuids, List<CFSpace> spaces) {
    if (appGuids == null) {
      return appsIn(spaces);
    }
    Set<String> namespaces = new HashSet<>();
    spaces.forEach(space -> namespaces.add(space.getSpec().getNamespace()));
    List<CFApp> apps = new ArrayList<>();
    for (String guid : new HashSet<>(appGuids)) {
      foundation
          .app(guid)
          .filter(app -> namespaces.contains(app.getMetadata().getNamespace()))
          .ifPresent(apps::add);
    }
    return apps;
  }

  /** The app, or exactly the error the CLI turns into "App 'NAME' not found". */
  CFApp visibleApp(String guid) {
    return app(guid).orElseThrow(() -> CfError.exactlyNotFound("App not found"));
  }

  Optional<CFApp> app(String guid) {
    return foundation
        .app(guid)
        .filter(app -> visibility.canSeeNamespace(caller, app.getMetadata().getNamespace()));
  }

  Optional<CFApp> appWithProcess(String processGuid) {
    return foundation
        .appWithProcess(processGuid)
        .filter(app -> visibility.canSeeNamespace(caller, app.getMetadata().getNamespace()));
  }

  List<CFRoute> routesIn(List<CFSpace> spaces) {
    List<CFRoute> routes = new ArrayList<>();
    for (CFSpace space : spaces) {
      routes.addAll(foundation.routesIn(space.getSpec().getNamespace()));
    }
    return routes;
  }

  Optional<CFRoute> route(String guid) {
    return foundation
        .route(guid)
        .filter(route -> visibility.canSeeNamespace(caller, route.getMetadata().getNamespace()));
  }

  /** The GUID of the app a route destination names (apps are named within the route's space). */
  String appGuidNamed(String namespace, String appName) {
    return foundation.appNamed(namespace, appName).map(CfGuids::of).orElse(null);
  }
}
