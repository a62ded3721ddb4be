package dev.gitfoundry.operator.forge;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.operator.source.SourceSecrets;
import java.util.Optional;

/** The forge a GitSource reports to: its client (with the source's token) and repository. */
public final class SourceForges implements ForgeAccess {
  private final SourceSecrets secrets;
  private final ForgeClients clients = new ForgeClients();

  public SourceForges(SourceSecrets secrets) {
    this.secrets = secrets;
  }

  /** Whether the source names a forge (previews and commit statuses need one). */
  public static boolean configured(GitSource source) {
    ForgeSpec forge = source.getSpec().getForge();
    return forge != null && forge.getType() != null && forge.getType() != ForgeType.NONE;
  }

  @Override
  public Optional<ForgeClient> client(GitSource source)
      throws SourceSecrets.MissingSecretException {
    if (!configured(source)) {
      return Optional.empty();
    }
    String token =
        secrets.value(
            source.getMetadata().getNamespace(),
            source.getSpec().getForge().getTokenSecretRef(),
            "token");
    return Optional.of(clients.of(source, String.valueOf(token)));
  }

  public static ForgeRepository repository(GitSource source) {
    return ForgeRepository.fromUrl(source.getSpec().getUrl());
  }
}
