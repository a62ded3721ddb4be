package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.compiler.Findings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need the whole repository: an app declared twice in one space, a route claimed by two
 * spaces, and two CF names that would share one Kubernetes name. Both claimants get the error.
 */
final class CrossChecks {
  private final List<Diagnostic> diagnostics;

  CrossChecks(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(List<SpacePlan> plans) {
    Map<String, List<String>> namespaces = new LinkedHashMap<>();
    Map<String, List<Claim>> routeClaims = new LinkedHashMap<>();
    for (SpacePlan plan : plans) {
      namespaces
          .computeIfAbsent(Names.org(plan.org()), k -> new ArrayList<>())
          .add("org '" + plan.org() + "'");
      namespaces
          .computeIfAbsent(Names.space(plan.org(), plan.space()), k -> new ArrayList<>())
          .add("space '" + plan.org() + "/" + plan.space() + "'");
      Map<String, List<SpacePlan.PlannedApp>> byName = new HashMap<>();
      for (SpacePlan.PlannedApp app : plan.apps()) {
        byName.computeIfAbsent(Names.app(app.app().name()), k -> new ArrayList<>()).add(app);
        for (ResolvedRoute route : app.routes()) {
          routeClaims
              .computeIfAbsent(route.url(), k -> new ArrayList<>())
              .add(new Claim(plan, app));
        }
      }
      byName.values().stream()
          .filter(list -> list.size() > 1)
          .forEach(list -> duplicateApps(plan, list));
    }
    namespaces.forEach(
        (namespace, owners) -> {
          if (owners.stream().distinct().count() > 1) {
            new Findings(diagnostics, "")
                .error(
                    dev.gitfoundry.compiler.yaml.Position.START,
                    "namespace '"
                        + namespace
                        + "' would be shared by "
                        + String.join(" and ", owners.stream().distinct().toList())
                        + ": rename one of them");
          }
        });
    routeClaims.forEach(this::routeConflicts);
  }

  private void duplicateApps(SpacePlan plan, List<SpacePlan.PlannedApp> apps) {
    for (SpacePlan.PlannedApp app : apps) {
      List<String> others =
          apps.stream()
              .filter(o -> o != app)
              .map(o -> o.file() + ":" + o.app().position().line())
              .toList();
      new Findings(diagnostics, app.file())
          .forApp(app.app().name())
          .error(
              app.app().position(),
              "app '"
                  + app.app().name()
                  + "' is declared more than once in space '"
                  + plan.org()
                  + "/"
                  + plan.space()
                  + "' (also at "
                  + String.join(", ", others)
                  + ")");
    }
  }

  private void routeConflicts(String url, List<Claim> claims) {
    long spaces = claims.stream().map(c -> c.plan.org() + "/" + c.plan.space()).distinct().count();
    if (spaces < 2) {
      return;
    }
    for (Claim claim : claims) {
      List<String> others =
          claims.stream()
              .filter(o -> o.plan != claim.plan)
              .map(
                  o ->
                      "'"
                          + o.app.app().name()
                          + "' in space '"
                          + o.plan.org()
                          + "/"
                          + o.plan.space()
                          + "' ("
                          + o.app.file()
                          + ")")
              .distinct()
              .toList();
      new Findings(diagnostics, claim.app.file())
          .forApp(claim.app.app().name())
          .appError(
              claim.app.app().position(),
              "Routes cannot be mapped to destinations in different spaces: route '"
                  + url
                  + "' is also claimed by "
                  + String.join(", ", others));
    }
  }

  private record Claim(SpacePlan plan, SpacePlan.PlannedApp app) {}
}
