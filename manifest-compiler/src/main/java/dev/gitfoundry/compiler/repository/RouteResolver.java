package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.manifest.AppDefinition;
import dev.gitfoundry.compiler.manifest.RouteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an app's route intent into routes on known domains, as Cloud Controller does at apply time:
 * explicit routes, else a random or the default route on the default domain. With no domains
 * configured, any well-formed route is accepted and split at its first label.
 */
final class RouteResolver {
  private static final Pattern HOST = Pattern.compile("^(\\*|[\\w-]{1,63})$");

  private final List<DomainSpec> domains;

  RouteResolver(List<DomainSpec> domains) {
    this.domains = domains;
  }

  List<ResolvedRoute> resolve(AppDefinition app, String randomSeed, Findings findings) {
    AppDefinition.RouteIntent intent = app.routes();
    List<ResolvedRoute> routes = new ArrayList<>();
    if (intent.none()) {
      return routes;
    }
    if (!intent.explicit().isEmpty()) {
      for (RouteRequest request : intent.explicit()) {
        resolve(request, findings).ifPresent(routes::add);
      }
      return routes;
    }
    if (domains.isEmpty() || !(intent.random() || intent.defaultRoute())) {
      return routes;
    }
    String host = app.name().toLowerCase(java.util.Locale.ROOT);
    if (host.length() > 63) {
      findings.appError(
          app.position(),
          "Failed to create default route from app name: Host cannot exceed 63 characters");
      return routes;
    }
    if (!HOST.matcher(host).matches() || host.equals("*")) {
      findings.appError(
          app.position(),
          "Failed to create default route from app name: Host must be either \"*\" or contain only"
              + " alphanumeric characters, \"_\", or \"-\"");
      return routes;
    }
    if (intent.random()) {
      host = RandomRoutes.host(host, randomSeed);
    }
    routes.add(new ResolvedRoute(host, defaultDomain().name(), "", null, "http1", null));
    return routes;
  }

  private DomainSpec defaultDomain() {
    return domains.stream()
        .filter(d -> !d.internal() && !d.tcp())
        .findFirst()
        .orElse(domains.get(0));
  }

  private Optional<ResolvedRoute> resolve(RouteRequest request, Findings findings) {
    String hostname = request.hostname();
    String host;
    DomainSpec domain;
    if (domains.isEmpty()) {
      int dot = hostname.indexOf('.');
      host = hostname.substring(0, dot);
      domain = DomainSpec.shared(hostname.substring(dot + 1));
    } else {
      Optional<DomainSpec> whole = hostname.startsWith("*") ? Optional.empty() : find(hostname);
      int dot = hostname.indexOf('.');
      Optional<DomainSpec> parent = find(hostname.substring(dot + 1));
      if (whole.isPresent()) {
        host = "";
        domain = whole.get();
      } else if (parent.isPresent()) {
        host = hostname.substring(0, dot);
        domain = parent.get();
      } else {
        findings.appError(request.position(), "No domains exist for route " + request.route());
        return Optional.empty();
      }
    }
    String path = request.path().equals("/") ? "" : request.path();
    boolean tcp = request.port() != null;
    List<String> problems = new ArrayList<>();
    if (!host.isEmpty() && !HOST.matcher(host).matches()) {
      problems.add("Host format is invalid.");
    }
    if ((host.isEmpty() ? 0 : host.length() + 1) + domain.name().length() > 253) {
      problems.add("Host combined with domain name must be no more than 253 characters.");
    }
    if (tcp && !host.isEmpty()) {
      problems.add("Hosts are not supported for TCP routes.");
    }
    if (tcp && !path.isEmpty()) {
      problems.add("Paths are not supported for TCP routes.");
    }
    if (domain.internal() && host.equals("*")) {
      problems.add("Wildcard hosts are not supported for internal domains.");
    }
    if (domain.internal() && !path.isEmpty()) {
      problems.add("Paths are not supported for internal domains.");
    }
    if (path.contains("?")) {
      problems.add("Path cannot contain '?'.");
    }
    if (path.length() > 128) {
      problems.add("Path is too long (maximum is 128 characters)");
    }
    for (String problem : problems) {
      findings.appError(request.position(), "For route '" + request.route() + "': " + problem);
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    String protocol = request.protocol() != null ? request.protocol() : tcp ? "tcp" : "http1";
    return Optional.of(
        new ResolvedRoute(
            host, domain.name(), path, request.port(), protocol, request.loadbalancing()));
  }

  private Optional<DomainSpec> find(String name) {
    return domains.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
