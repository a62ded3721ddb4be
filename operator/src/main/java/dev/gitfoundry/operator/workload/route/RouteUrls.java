package dev.gitfoundry.operator.workload.route;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFRouteSpec;
import java.util.Locale;

/** How a CFRoute is written as a host name, a CF URI and a URL. */
public final class RouteUrls {
  private RouteUrls() {}

  /** {@code host.domain}, {@code *.domain} for a wildcard, or the domain for a hostless route. */
  public static String hostname(CFRouteSpec spec) {
    String domain = spec.getDomain().toLowerCase(Locale.ROOT);
    String host = spec.getHost();
    return host == null || host.isEmpty() ? domain : host.toLowerCase(Locale.ROOT) + "." + domain;
  }

  /** The path prefix, empty for none. */
  public static String path(CFRouteSpec spec) {
    String path = spec.getPath();
    return path == null || path.equals("/") ? "" : path;
  }

  /** As CF writes it in VCAP_APPLICATION: {@code host.domain/path}. */
  public static String uri(CFRoute route) {
    return hostname(route.getSpec()) + path(route.getSpec());
  }

  public static String url(CFRoute route) {
    return "http://" + uri(route);
  }

  /** What two routes must not share: host name and path. */
  static String claim(CFRoute route) {
    return uri(route);
  }
}
