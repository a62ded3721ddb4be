package dev.gitfoundry.operator.http;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links into the forge's web UI for one repository: a commit, a line of a file at a commit, a pull
 * request. Gitea and GitHub shape them differently; with no known forge there are no links (null).
 * The web address comes from the forge's API URL when set (the clone URL may be SSH, or use a
 * different host), else from the clone URL; user information is never kept.
 */
record ForgeLinks(ForgeType type, String repository) {
  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");
  private static final ForgeLinks NONE = new ForgeLinks(ForgeType.NONE, null);

  static ForgeLinks of(GitSourceSpec spec) {
    if (spec == null || spec.getUrl() == null) {
      return NONE;
    }
    ForgeSpec forge = spec.getForge();
    ForgeType type =
        forge == null || forge.getType() == null ? guess(spec.getUrl()) : forge.getType();
    if (type == ForgeType.NONE) {
      return NONE;
    }
    String path = repositoryPath(spec.getUrl());
    String web = webBase(type, forge == null ? null : forge.getApiUrl(), spec.getUrl());
    if (path == null || web == null) {
      return NONE;
    }
    return new ForgeLinks(type, web + "/" + path);
  }

  String commit(String sha) {
    return repository == null || sha == null ? null : repository + "/commit/" + sha;
  }

  /** A line of a repository-relative file at a commit; the file alone when line is null. */
  String line(String sha, String file, Integer line) {
    if (repository == null || sha == null || file == null || file.isBlank()) {
      return null;
    }
    String base =
        type == ForgeType.GITHUB
            ? repository + "/blob/" + sha + "/"
            : repository + "/src/commit/" + sha + "/";
    return base + encodePath(file) + (line == null ? "" : "#L" + line);
  }

  String pullRequest(Integer number) {
    if (repository == null || number == null) {
      return null;
    }
    return repository + (type == ForgeType.GITHUB ? "/pull/" : "/pulls/") + number;
  }

  private static ForgeType guess(String url) {
    String host = host(url);
    return host != null && host.equalsIgnoreCase("github.com") ? ForgeType.GITHUB : ForgeType.NONE;
  }

  /** {@code owner/name} as written in the URL (case kept), without {@code .git}. */
  private static String repositoryPath(String url) {
    String path;
    Matcher scp = SCP_LIKE.matcher(url.trim());
    if (!url.contains("://") && scp.matches()) {
      path = scp.group(2);
    } else {
      try {
        path = URI.create(url.trim()).getPath();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (path == null) {
      return null;
    }
    path = path.replaceAll("^/+", "").replaceAll("/+$", "").replaceAll("\\.git$", "");
    String[] segments = path.split("/");
    if (segments.length < 2) {
      return null;
    }
    return segments[segments.length - 2] + "/" + segments[segments.length - 1];
  }

  private static String webBase(ForgeType type, String apiUrl, String cloneUrl) {
    if (apiUrl != null && !apiUrl.isBlank()) {
      URI api;
      try {
        api = URI.create(apiUrl.trim());
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (api.getHost() == null || !isHttp(api.getScheme())) {
        return null;
      }
      if (type == ForgeType.GITHUB && api.getHost().equalsIgnoreCase("api.github.com")) {
        return "https://github.com";
      }
      // Gitea serves its API under /api/v1, GitHub Enterprise under /api/v3.
      String prefix = api.getPath() == null ? "" : api.getPath().replaceAll("/api(/v\\d+)?/*$", "");
      return origin(api) + prefix.replaceAll("/+$", "");
    }
    URI clone = cloneUri(cloneUrl);
    if (clone == null || clone.getHost() == null) {
      return null;
    }
    if (isHttp(clone.getScheme())) {
      String path = clone.getPath() == null ? "" : clone.getPath();
      String[] segments = path.replaceAll("^/+", "").replaceAll("/+$", "").split("/");
      // Anything before owner/name is a sub-path the forge is served under.
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < segments.length - 2; i++) {
        prefix.append('/').append(segments[i]);
      }
      return origin(clone) + prefix;
    }
    return "https://" + clone.getHost(); // SSH: the web UI is on the same host, on https
  }

  private static URI cloneUri(String url) {
    Matcher scp = SCP_LIKE.matcher(url.trim());
    if (!url.contains("://") && scp.matches()) {
      return URI.create("ssh://" + scp.group(1) + "/");
    }
    try {
      return URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String host(String url) {
    URI uri = cloneUri(url);
    return uri == null ? null : uri.getHost();
  }

  private static boolean isHttp(String scheme) {
    return scheme != null
        && (scheme.toLowerCase(Locale.ROOT).equals("http")
            || scheme.toLowerCase(Locale.ROOT).equals("https"));
  }

  /** scheme://host[:port], without user information. */
  private static String origin(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private static String encodePath(String file) {
    StringBuilder out = new StringBuilder();
    for (String segment : file.replaceAll("^/+", "").split("/")) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }
}
