package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.RepositoryKey;

/** What of a GitSource's spec names its Git branch and path, with the defaults applied. */
public final class GitSourceRefs {
  private GitSourceRefs() {}

  public static String branch(GitSource source) {
    return source.getSpec().getBranch() == null ? "main" : source.getSpec().getBranch();
  }

  /** The path inside the repository, without leading or trailing slashes ("" for the root). */
  public static String path(GitSource source) {
    return source.getSpec().getPath() == null
        ? ""
        : source.getSpec().getPath().replaceAll("^/+|/+$", "");
  }

  public static RepositoryKey key(GitSource source) {
    return RepositoryKey.of(source.getSpec().getUrl(), branch(source));
  }
}
