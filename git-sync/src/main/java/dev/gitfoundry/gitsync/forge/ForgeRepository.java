package dev.gitfoundry.gitsync.forge;

import dev.gitfoundry.gitsync.RepositoryUrls;
import java.util.Objects;

/** {@code owner/name} of a repository on a forge. */
public record ForgeRepository(String owner, String name) {
  public ForgeRepository {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
  }

  /** From a clone or web URL such as {@code https://host/owner/name.git} or scp-like SSH. */
  public static ForgeRepository fromUrl(String url) {
    String[] segments = RepositoryUrls.normalize(url).split("/");
    if (segments.length < 3) {
      throw new IllegalArgumentException("no owner/name in " + RepositoryUrls.redact(url));
    }
    return new ForgeRepository(segments[segments.length - 2], segments[segments.length - 1]);
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
