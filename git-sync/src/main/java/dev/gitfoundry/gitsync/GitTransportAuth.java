package dev.gitfoundry.gitsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/**
 * Applies one source's credentials to JGit transports and remembers, per operation, whether the
 * remote rejected them, so failures are classified from events rather than from message text.
 */
final class GitTransportAuth implements AutoCloseable {
  private final GitCredentials credentials;
  private final String urlUserInfo;
  private final Path sshDirectory;
  private final SshdSessionFactory sshSessionFactory;
  private final AtomicBoolean hostKeyRejected = new AtomicBoolean();
  private final RecordingCredentialsProvider credentialsProvider;

  GitTransportAuth(GitCredentials credentials, String url, Path workDirectory)
      throws InvalidSourceException {
    this.credentials = credentials;
    this.urlUserInfo = userInfoOf(url);
    this.credentialsProvider = new RecordingCredentialsProvider(credentials);
    boolean sshKey = credentials.kind() == GitCredentials.Kind.SSH_KEY;
    if (isSshUrl(url) != sshKey) {
      throw new InvalidSourceException(
          (sshKey
                  ? "an SSH key needs an ssh:// or scp-like URL: "
                  : "an SSH URL needs an identity and known_hosts: ")
              + RepositoryUrls.redact(url));
    }
    if (credentials.kind() == GitCredentials.Kind.SSH_KEY) {
      this.sshDirectory = workDirectory.resolve("ssh");
      this.sshSessionFactory =
          SshSessionFactories.create(credentials, prepareSshDirectory(), hostKeyRejected);
    } else {
      this.sshDirectory = null;
      this.sshSessionFactory = null;
    }
  }

  /** Credentials someone put into the URL itself; they must not leak through JGit's messages. */
  private static String userInfoOf(String url) {
    try {
      return new java.net.URI(url.trim()).getRawUserInfo();
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  static boolean isSshUrl(String url) {
    String trimmed = url.trim();
    return trimmed.startsWith("ssh://")
        || trimmed.startsWith("git+ssh://")
        || (!trimmed.contains("://") && trimmed.contains(":"));
  }

  private Path prepareSshDirectory() {
    try {
      Files.createDirectories(sshDirectory);
      return sshDirectory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resets the per-operation record; call before each remote operation. */
  void beginOperation() {
    credentialsProvider.reset();
    hostKeyRejected.set(false);
  }

  void configure(Transport transport) {
    transport.setCredentialsProvider(credentialsProvider);
    if (transport instanceof SshTransport ssh && sshSessionFactory != null) {
      ssh.setSshSessionFactory(sshSessionFactory);
    }
  }

  /** Whether the last operation failed because the remote did not accept who we are. */
  boolean rejectedLastOperation(Throwable failure) {
    return credentialsProvider.rejected.get()
        || credentialsProvider.unanswered.get()
        || hostKeyRejected.get()
        || sshAuthenticationFailed(failure);
  }

  boolean hostKeyRejected() {
    return hostKeyRejected.get();
  }

  private static boolean sshAuthenticationFailed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SshException ssh
          && ssh.getDisconnectCode()
              == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
        return true;
      }
    }
    return false;
  }

  /** Removes secrets from a message that may quote what the remote said. */
  String scrub(String message) {
    if (message == null) {
      return "";
    }
    String result = message;
    for (String secret :
        new String[] {credentials.password(), credentials.passphrase(), urlUserInfo}) {
      if (secret != null && secret.length() >= 4) {
        result = result.replace(secret, "***");
      }
    }
    return result;
  }

  @Override
  public void close() {
    if (sshSessionFactory != null) {
      sshSessionFactory.close();
    }
  }

  /**
   * Hands out the configured user name and password. JGit asks only after a 401, calls {@code
   * reset} when the answer was rejected, and gets {@code false} when we have nothing to offer.
   */
  private static final class RecordingCredentialsProvider extends CredentialsProvider {
    private final GitCredentials credentials;
    private final AtomicBoolean rejected = new AtomicBoolean();
    private final AtomicBoolean unanswered = new AtomicBoolean();

    RecordingCredentialsProvider(GitCredentials credentials) {
      this.credentials = credentials;
    }

    void reset() {
      rejected.set(false);
      unanswered.set(false);
    }

    @Override
    public boolean isInteractive() {
      return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
      for (CredentialItem item : items) {
        if (!(item instanceof CredentialItem.Username)
            && !(item instanceof CredentialItem.Password)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
      if (credentials.kind() != GitCredentials.Kind.USERNAME_PASSWORD) {
        unanswered.set(true);
        return false;
      }
      for (CredentialItem item : items) {
        if (item instanceof CredentialItem.Username username) {
          username.setValue(credentials.username());
        } else if (item instanceof CredentialItem.Password password) {
          password.setValue(credentials.password().toCharArray());
        } else {
          throw new UnsupportedCredentialItem(uri, item.getPromptText());
        }
      }
      return true;
    }

    @Override
    public void reset(URIish uri) {
      rejected.set(true);
    }
  }
}
