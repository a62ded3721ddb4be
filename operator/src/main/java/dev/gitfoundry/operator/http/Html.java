package dev.gitfoundry.operator.http;

import java.net.URI;
import java.util.Locale;

/** Escapes text for HTML bodies and attributes, and keeps links to what is safe to follow. */
final class Html {
  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The URL, escaped for an {@code href}, when it is http(s) or a path on this server; null for
   * anything else ({@code javascript:}, {@code data:}, unparsable), which is then shown as text.
   */
  static String href(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(url.trim());
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null;
      boolean local = scheme == null && uri.getRawAuthority() == null;
      return web || local ? escape(uri.toASCIIString()) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code <a href>} around the escaped text, or the escaped text alone when the URL is unsafe. */
  static String link(String url, String text, String cssClass) {
    String href = href(url);
    String body = escape(text);
    if (href == null) {
      return cssClass == null ? body : "<span class=\"" + cssClass + "\">" + body + "</span>";
    }
    return "<a href=\""
        + href
        + "\""
        + (cssClass == null ? "" : " class=\"" + cssClass + "\"")
        + ">"
        + body
        + "</a>";
  }
}
