package dev.gitfoundry.operator.http;

import java.util.Arrays;
import java.util.List;

/**
 * Names a request by the route it matched ({@code /status/{namespace}/{source}/{sha}}), never by
 * its raw path: a metric labelled with raw paths would grow a series per sha, guid or probe. A path
 * that matches none of the routes is {@link #UNMATCHED}.
 */
public final class RouteTemplate {
  public static final String UNMATCHED = "UNMATCHED";

  private final List<String> templates;
  private final List<String[]> segments;

  private RouteTemplate(List<String> templates) {
    this.templates = List.copyOf(templates);
    this.segments = this.templates.stream().map(RouteTemplate::segmentsOf).toList();
  }

  /**
   * @param templates paths whose {@code {name}} segments match any one non-empty segment; the first
   *     that matches names the request
   */
  public static RouteTemplate of(String... templates) {
    return new RouteTemplate(Arrays.asList(templates));
  }

  /** The template {@code path} matches (the path without its query), or {@link #UNMATCHED}. */
  public String match(String path) {
    String[] actual = segmentsOf(path);
    for (int i = 0; i < segments.size(); i++) {
      if (matches(segments.get(i), actual)) {
        return templates.get(i);
      }
    }
    return UNMATCHED;
  }

  private static boolean matches(String[] template, String[] actual) {
    if (template.length != actual.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
      if (variable ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }

  /** As the CF API splits paths: one trailing slash ignored, {@code /} is one empty segment. */
  private static String[] segmentsOf(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.startsWith("/") ? trimmed.substring(1).split("/", -1) : new String[0];
  }
}
