package dev.gitfoundry.gitsync;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canonical forms of repository URLs, so that a webhook naming {@code https://host/o/r} matches a
 * source cloned from {@code git@host:o/r.git} or {@code ssh://git@host:2222/o/r}.
 */
public final class RepositoryUrls {
  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");

  private RepositoryUrls() {}

  /**
   * {@code host/owner/repo}: scheme, user, port, trailing {@code .git} and slashes dropped, all
   * lower case (GitHub and Gitea treat owner and repository names case-insensitively).
   */
  public static String normalize(String url) {
    String trimmed = url.trim();
    String host;
    String path;
    var scp = SCP_LIKE.matcher(trimmed);
    if (!trimmed.contains("://") && scp.matches()) {
      host = scp.group(1);
      path = scp.group(2);
    } else {
      try {
        URI uri = new URI(trimmed);
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("not a repository URL: " + redact(url));
        }
        host = uri.getHost();
        path = uri.getPath() == null ? "" : uri.getPath();
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a repository URL: " + redact(url), e);
      }
    }
    path = path.replaceAll("/+$", "");
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    path = path.replaceAll("^/+", "").replaceAll("/+$", "");
    return (host + "/" + path).toLowerCase(Locale.ROOT);
  }

  /** The URL without user information, safe for logs and messages. */
  public static String redact(String url) {
    try {
      URI uri = new URI(url.trim());
      if (uri.getRawUserInfo() == null) {
        return url.trim();
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      // scp-like "user@host:path" carries a user name, never a password
      return url.trim().replaceAll("^[^@/]*:[^@/]*@", "");
    }
  }
}
