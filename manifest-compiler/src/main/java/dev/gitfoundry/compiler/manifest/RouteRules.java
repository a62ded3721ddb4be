package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code routes} list and its options, as ManifestRoutesUpdateMessage validates them. */
final class RouteRules {
  private static final Set<String> PROTOCOLS = Set.of("http1", "http2", "tcp");
  private static final Set<String> LOAD_BALANCING = Set.of("round-robin", "least-connection");
  private static final String VALID_LOAD_BALANCING =
      "Valid values are: 'round-robin, least-connection'";
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$");

  private RouteRules() {}

  static List<RouteRequest> read(YamlNode node, Findings findings) {
    if (!(node instanceof YamlList list) || !list.items().stream().allMatch(RouteRules::hasRoute)) {
      findings.appError(node.position(), "Routes must be a list of route objects");
      return List.of();
    }
    List<RouteRequest> routes = new ArrayList<>();
    for (YamlNode item : list.items()) {
      RouteRequest route = readRoute((YamlMap) item, findings);
      if (route != null) {
        routes.add(route);
      }
    }
    return routes;
  }

  private static boolean hasRoute(YamlNode item) {
    return item instanceof YamlMap map
        && map.get("route") instanceof YamlScalar route
        && route.isString()
        && !route.text().isBlank();
  }

  private static RouteRequest readRoute(YamlMap item, Findings findings) {
    YamlScalar routeNode = (YamlScalar) item.get("route");
    String route = routeNode.text();
    boolean valid = true;
    String protocol = null;
    YamlNode protocolNode = item.get("protocol");
    if (protocolNode != null && !(protocolNode instanceof YamlScalar p && p.isNull())) {
      protocol = protocolNode instanceof YamlScalar p ? p.asGoString() : null;
      if (protocol == null || !PROTOCOLS.contains(protocol)) {
        findings.appError(
            protocolNode.position(), "Route protocol must be 'http1', 'http2' or 'tcp'.");
        valid = false;
      }
    }
    String loadbalancing = null;
    YamlNode options = item.get("options");
    if (options != null) {
      if (!(options instanceof YamlMap optionMap)) {
        findings.appError(options.position(), "Route '" + route + "': options must be an object");
        valid = false;
      } else {
        for (YamlMap.Entry option : optionMap.entries().values()) {
          if (!option.key().equals("loadbalancing")) {
            findings.appError(
                option.keyPosition(),
                "Route '"
                    + route
                    + "' contains invalid route option '"
                    + option.key()
                    + "'. Valid keys: 'loadbalancing'");
            valid = false;
          } else if (!(option.value() instanceof YamlScalar lb && lb.isString())) {
            findings.appError(
                option.value().position(),
                "Invalid value for 'loadbalancing' for Route '"
                    + route
                    + "'; "
                    + VALID_LOAD_BALANCING);
            valid = false;
          } else if (!LOAD_BALANCING.contains(((YamlScalar) option.value()).text())) {
            findings.appError(
                option.value().position(),
                "Cannot use loadbalancing value '"
                    + ((YamlScalar) option.value()).text()
                    + "' for Route '"
                    + route
                    + "'; "
                    + VALID_LOAD_BALANCING);
            valid = false;
          } else {
            loadbalancing = ((YamlScalar) option.value()).text();
          }
        }
      }
    }
    RouteRequest parsed = parse(route, protocol, loadbalancing, routeNode.position());
    if (parsed == null) {
      findings.appError(
          routeNode.position(), "The route '" + route + "' is not a properly formed URL");
      return null;
    }
    return valid ? parsed : null;
  }

  /** Addressable's heuristic parse as CC uses it: scheme optional, host required, port for TCP. */
  static RouteRequest parse(String route, String protocol, String loadbalancing, Position at) {
    String scheme = null;
    String rest = route.strip();
    Matcher schemeMatch = SCHEME.matcher(rest);
    if (schemeMatch.matches()) {
      scheme = schemeMatch.group(1).toLowerCase(java.util.Locale.ROOT);
      rest = schemeMatch.group(2);
    }
    int end = rest.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int index = rest.indexOf(stop);
      if (index >= 0 && index < end) {
        end = index;
      }
    }
    String authority = rest.substring(0, end);
    String path = rest.substring(end);
    Integer port = null;
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      String portText = authority.substring(colon + 1);
      if (!portText.matches("\\d{1,5}")) {
        return null;
      }
      port = Integer.parseInt(portText);
      authority = authority.substring(0, colon);
    }
    if (authority.isBlank() || !authority.contains(".") || authority.contains("@")) {
      return null;
    }
    boolean schemeFits =
        port != null
            ? scheme == null || scheme.equals("tcp")
            : scheme == null || scheme.equals("http") || scheme.equals("https");
    if (!schemeFits) {
      return null;
    }
    return new RouteRequest(
        route,
        authority.toLowerCase(java.util.Locale.ROOT),
        port,
        path,
        protocol,
        loadbalancing,
        at);
  }

  /** {@code no-route}, {@code random-route} and {@code default-route} must be booleans. */
  static boolean flag(YamlMap.Entry entry, String label, Findings findings) {
    if (entry == null || entry.value() instanceof YamlScalar s && s.isNull()) {
      return false;
    }
    if (!(entry.value() instanceof YamlScalar s && s.isBoolean())) {
      findings.appError(entry.value().position(), label + " must be a boolean");
      return false;
    }
    return (Boolean) s.value();
  }

  static Position positionOf(YamlMap.Entry entry, Position fallback) {
    return entry == null ? fallback : entry.value().position();
  }
}
