package dev.gitfoundry.gitsync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Builds an SSH session factory isolated from the machine: key from memory, no agent, no ~/.ssh,
 * and a server key that must match the given known_hosts exactly (no trust on first use).
 */
final class SshSessionFactories {
  private SshSessionFactories() {}

  static SshdSessionFactory create(
      GitCredentials credentials, Path sshDirectory, AtomicBoolean hostKeyRejected)
      throws InvalidSourceException {
    Iterable<KeyPair> identity = loadIdentity(credentials);
    Path knownHosts = sshDirectory.resolve("known_hosts");
    try {
      Files.writeString(knownHosts, credentials.knownHosts(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSourceException("cannot write known_hosts to the cache directory", e);
    }
    ServerKeyDatabase strict = new KnownHostsOnly(knownHosts, hostKeyRejected);
    return new SshdSessionFactoryBuilder()
        .setHomeDirectory(sshDirectory.toFile())
        .setSshDirectory(sshDirectory.toFile())
        .setConfigFile(home -> null)
        .setDefaultKnownHostsFiles(ssh -> List.of(knownHosts))
        .setDefaultIdentities(ssh -> List.of())
        .setDefaultKeysProvider(ssh -> identity)
        .setPreferredAuthentications("publickey")
        .setServerKeyDatabase((home, ssh) -> strict)
        .setConnectorFactory(null)
        .build(null);
  }

  private static Iterable<KeyPair> loadIdentity(GitCredentials credentials)
      throws InvalidSourceException {
    byte[] pem = credentials.privateKey().getBytes(StandardCharsets.UTF_8);
    String passphrase = credentials.passphrase();
    try {
      Iterable<KeyPair> keys =
          SecurityUtils.loadKeyPairIdentities(
              null,
              NamedResource.ofName("identity"),
              new ByteArrayInputStream(pem),
              passphrase == null
                  ? FilePasswordProvider.EMPTY
                  : FilePasswordProvider.of(passphrase));
      if (keys == null || !keys.iterator().hasNext()) {
        throw new InvalidSourceException("the SSH identity holds no private key");
      }
      return keys;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // the parser's message may quote key material; keep only the type
      throw new InvalidSourceException(
          "the SSH identity cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Accepts a server key only if known_hosts lists it for that host; never learns new keys. */
  private static final class KnownHostsOnly implements ServerKeyDatabase {
    private final OpenSshServerKeyDatabase parser;
    private final AtomicBoolean rejected;

    KnownHostsOnly(Path knownHosts, AtomicBoolean rejected) {
      this.parser = new OpenSshServerKeyDatabase(false, List.of(knownHosts));
      this.rejected = rejected;
    }

    @Override
    public List<PublicKey> lookup(
        String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
      return parser.lookup(connectAddress, remoteAddress, new OnlyGivenFiles(config));
    }

    @Override
    public boolean accept(
        String connectAddress,
        InetSocketAddress remoteAddress,
        PublicKey serverKey,
        Configuration config,
        CredentialsProvider provider) {
      boolean known =
          lookup(connectAddress, remoteAddress, config).stream()
              .anyMatch(key -> KeyUtils.compareKeys(key, serverKey));
      if (!known) {
        rejected.set(true);
      }
      return known;
    }
  }

  /** Hides the user's and the system's known_hosts files. */
  private record OnlyGivenFiles(ServerKeyDatabase.Configuration delegate)
      implements ServerKeyDatabase.Configuration {
    @Override
    public List<String> getUserKnownHostsFiles() {
      return List.of();
    }

    @Override
    public List<String> getGlobalKnownHostsFiles() {
      return List.of();
    }

    @Override
    public StrictHostKeyChecking getStrictHostKeyChecking() {
      return StrictHostKeyChecking.REQUIRE_MATCH;
    }

    @Override
    public boolean getHashKnownHosts() {
      return false;
    }

    @Override
    public String getUsername() {
      return delegate.getUsername();
    }
  }
}
