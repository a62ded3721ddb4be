package dev.gitfoundry.gitsync;

import java.util.Objects;

/**
 * What one poll job watches: a repository (by its normalized URL, see {@link RepositoryUrls}) and a
 * branch. Many GitSources may share a key; they then share one poll.
 */
public record RepositoryKey(String repository, String branch) {
  public RepositoryKey {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(branch, "branch");
  }

  public static RepositoryKey of(String url, String branch) {
    return new RepositoryKey(RepositoryUrls.normalize(url), branch);
  }

  @Override
  public String toString() {
    return repository + "@" + branch;
  }
}
