package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.foundation.QuotaDefinition;
import dev.gitfoundry.compiler.manifest.ServiceBindingRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The counted limits of one quota over the spaces it covers: routes, routes with a TCP port, and
 * service instances (which belong to a space: one name in two spaces is two instances). Each
 * exceeded limit is reported once, at the app or binding that passes it.
 */
final class QuotaCounts {
  private final List<Diagnostic> diagnostics;
  private final String ofQuota;
  private final String owner;
  private final String subject;
  private final QuotaDefinition quota;

  /**
   * @param ofQuota {@code for your space's quota} or {@code for your organization's quota}
   * @param owner {@code your space's} or {@code your organization's}
   * @param subject {@code space acme/prod} or {@code org acme}
   */
  QuotaCounts(
      List<Diagnostic> diagnostics,
      String ofQuota,
      String owner,
      String subject,
      QuotaDefinition quota) {
    this.diagnostics = diagnostics;
    this.ofQuota = ofQuota;
    this.owner = owner;
    this.subject = subject;
    this.quota = quota;
  }

  void routes(List<SpacePlan> plans) {
    Set<String> routes = new LinkedHashSet<>();
    Set<String> ports = new LinkedHashSet<>();
    boolean routesReported = false;
    boolean portsReported = false;
    for (SpacePlan plan : plans) {
      for (SpacePlan.PlannedApp app : plan.apps()) {
        for (ResolvedRoute route : app.routes()) {
          String key = plan.org() + "/" + plan.space() + " " + route.url();
          Findings findings = new Findings(diagnostics, app.file()).forApp(app.app().name());
          if (routes.add(key)
              && !routesReported
              && quota.routes() != null
              && routes.size() > quota.routes()) {
            routesReported = true;
            findings.appError(
                app.app().position(),
                "You have exceeded the total routes "
                    + ofQuota
                    + ": "
                    + subject
                    + " maps "
                    + countAll(plans, false)
                    + " routes, quota "
                    + quota.name()
                    + " allows "
                    + quota.routes());
          }
          if (route.port() != null
              && ports.add(key)
              && !portsReported
              && quota.reservedRoutePorts() != null
              && ports.size() > quota.reservedRoutePorts()) {
            portsReported = true;
            findings.appError(
                app.app().position(),
                "You have exceeded the total reserved route ports "
                    + ofQuota
                    + ": "
                    + subject
                    + " maps "
                    + countAll(plans, true)
                    + " TCP routes, quota "
                    + quota.name()
                    + " allows "
                    + quota.reservedRoutePorts());
          }
        }
      }
    }
  }

  void services(List<SpacePlan> plans) {
    if (quota.serviceInstances() == null) {
      return;
    }
    // Service instances belong to a space: the same name in two spaces is two instances.
    Set<String> instances = new LinkedHashSet<>();
    for (SpacePlan plan : plans) {
      for (SpacePlan.PlannedApp app : plan.apps()) {
        for (ServiceBindingRequest service : app.app().services()) {
          instances.add(plan.org() + "/" + plan.space() + "/" + service.name());
        }
      }
    }
    if (instances.size() <= quota.serviceInstances()) {
      return;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (SpacePlan plan : plans) {
      for (SpacePlan.PlannedApp app : plan.apps()) {
        for (ServiceBindingRequest service : app.app().services()) {
          if (seen.add(plan.org() + "/" + plan.space() + "/" + service.name())
              && seen.size() > quota.serviceInstances()) {
            new Findings(diagnostics, app.file())
                .forApp(app.app().name())
                .appError(
                    service.position(),
                    "You have exceeded "
                        + owner
                        + " services limit: "
                        + subject
                        + " binds "
                        + instances.size()
                        + " service instances, quota "
                        + quota.name()
                        + " allows "
                        + quota.serviceInstances());
            return;
          }
        }
      }
    }
  }

  private static int countAll(List<SpacePlan> plans, boolean portsOnly) {
    Set<String> keys = new LinkedHashSet<>();
    for (SpacePlan plan : plans) {
      for (SpacePlan.PlannedApp app : plan.apps()) {
        for (ResolvedRoute route : app.routes()) {
          if (!portsOnly || route.port() != null) {
            keys.add(plan.org() + "/" + plan.space() + " " + route.url());
          }
        }
      }
    }
    return keys.size();
  }
}
