package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET routes by path pattern ({@code /v3/apps/:guid/routes}); the first match wins. */
final class Router {
  @FunctionalInterface
  interface Endpoint {
    JsonNode answer(CfRequest request, Map<String, String> parameters);
  }

  /** Whether a route is served without credentials (the root document and info). */
  enum Access {
    PUBLIC,
    AUTHENTICATED
  }

  /** JSON unless a route says otherwise (e.g. the YAML of {@code cf create-app-manifest}). */
  static final String JSON = "application/json";

  record Match(
      Endpoint endpoint, Access access, Map<String, String> parameters, String mediaType) {}

  private record Route(List<String> pattern, Access access, Endpoint endpoint, String mediaType) {}

  private final List<Route> routes = new ArrayList<>();

  Router get(String pattern, Endpoint endpoint) {
    return add(pattern, Access.AUTHENTICATED, endpoint, JSON);
  }

  Router publicGet(String pattern, Endpoint endpoint) {
    return add(pattern, Access.PUBLIC, endpoint, JSON);
  }

  /** A route whose endpoint answers a text node, sent as is with this media type. */
  Router getText(String pattern, String mediaType, Endpoint endpoint) {
    return add(pattern, Access.AUTHENTICATED, endpoint, mediaType);
  }

  private Router add(String pattern, Access access, Endpoint endpoint, String mediaType) {
    List<String> segments =
        pattern.equals("/") ? List.of("") : List.of(pattern.substring(1).split("/"));
    routes.add(new Route(segments, access, endpoint, mediaType));
    return this;
  }

  Optional<Match> match(List<String> segments) {
    for (Route route : routes) {
      if (route.pattern().size() != segments.size()) {
        continue;
      }
      Map<String, String> parameters = new HashMap<>();
      boolean matches = true;
      for (int i = 0; i < segments.size() && matches; i++) {
        String expected = route.pattern().get(i);
        if (expected.startsWith(":")) {
          parameters.put(expected.substring(1), segments.get(i));
        } else {
          matches = expected.equals(segments.get(i));
        }
      }
      if (matches) {
        return Optional.of(
            new Match(route.endpoint(), route.access(), parameters, route.mediaType()));
      }
    }
    return Optional.empty();
  }
}
