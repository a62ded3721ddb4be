package dev.gitfoundry.gitsync;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a poll needs to know about one repository and branch. When several GitSources watch
 * the same repository and branch, the operator merges them into one source with the union of their
 * paths, so the repository is polled once.
 *
 * @param url clone URL (https, http, ssh:// or scp-like {@code git@host:owner/repo.git})
 * @param paths repository-relative directories to snapshot; empty or {@code "/"} means everything
 * @param interval nominal poll interval; jitter, backoff and webhook stretching apply on top
 */
public record RepositorySource(
    String url, String branch, Set<String> paths, GitCredentials credentials, Duration interval) {
  public RepositorySource {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    paths = normalizePaths(paths);
  }

  public RepositorySource(String url, String branch, String path, GitCredentials credentials) {
    this(url, branch, Set.of(path), credentials, Duration.ofMinutes(1));
  }

  public RepositoryKey key() {
    return RepositoryKey.of(url, branch);
  }

  private static Set<String> normalizePaths(Set<String> paths) {
    var normalized = new TreeSet<String>();
    for (String path : paths) {
      String trimmed = path.replace('\\', '/').replaceAll("^/+", "").replaceAll("/+$", "");
      if (trimmed.isEmpty() || trimmed.equals(".")) {
        return Set.of();
      }
      if (trimmed.equals("..") || trimmed.startsWith("../") || trimmed.contains("/../")) {
        throw new IllegalArgumentException("path escapes the repository: " + path);
      }
      normalized.add(trimmed);
    }
    return Set.copyOf(normalized);
  }

  @Override
  public String toString() {
    return "RepositorySource["
        + RepositoryUrls.redact(url)
        + "@"
        + branch
        + ", paths="
        + paths
        + ", "
        + credentials
        + ", every "
        + interval
        + "]";
  }
}
