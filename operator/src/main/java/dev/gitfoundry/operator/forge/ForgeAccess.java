package dev.gitfoundry.operator.forge;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.operator.source.SourceSecrets;
import java.util.Optional;

/** How a part that talks to the forge gets the client of a source (a fake one in tests). */
public interface ForgeAccess {
  /** The client for the source's forge, with its token; empty when the source names no forge. */
  Optional<ForgeClient> client(GitSource source) throws SourceSecrets.MissingSecretException;
}
