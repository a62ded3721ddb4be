package dev.gitfoundry.gitsync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A loopback SSH server (Apache MINA sshd) that runs the real {@code git-upload-pack} for
 * repositories under a directory, accepting one client public key.
 */
final class GitSshServer implements AutoCloseable {
  private final SshServer server;
  private final KeyPair hostKey;

  GitSshServer(Path root, KeyPair authorizedClient) throws IOException, GeneralSecurityException {
    hostKey = newKeyPair();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator(
        (user, key, session) -> KeyUtils.compareKeys(key, authorizedClient.getPublic()));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory((channel, command) -> new UploadPack(root, command));
    server.start();
  }

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static String openSshPrivateKey(KeyPair keyPair) throws IOException, GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "test", null, out);
    return out.toString(StandardCharsets.US_ASCII);
  }

  String url(String repositoryName) {
    return "ssh://git@127.0.0.1:" + server.getPort() + "/" + repositoryName + ".git";
  }

  /** A known_hosts line for this server's host key. */
  String knownHostsLine() {
    return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** {@code git-upload-pack '/name.git'} run as a process, streams pumped both ways. */
  private static final class UploadPack implements Command {
    private final Path root;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    UploadPack(Path root, String command) {
      this.root = root;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      if (!command.startsWith("git-upload-pack ")) {
        err.write("only git-upload-pack\n".getBytes(StandardCharsets.UTF_8));
        err.flush();
        exit.onExit(1);
        return;
      }
      String path = command.substring("git-upload-pack ".length()).replace("'", "");
      ProcessBuilder builder =
          new ProcessBuilder(
              "git-upload-pack", root.resolve(path.replaceAll("^/+", "")).toString());
      String protocol = env.getEnv().get("GIT_PROTOCOL");
      if (protocol != null) {
        builder.environment().put("GIT_PROTOCOL", protocol);
      }
      process = builder.start();
      pump(in, process.getOutputStream(), true);
      pump(process.getErrorStream(), err, false);
      Thread stdout = pump(process.getInputStream(), out, false);
      Thread waiter =
          new Thread(
              () -> {
                try {
                  int code = process.waitFor();
                  stdout.join();
                  exit.onExit(code);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.setDaemon(true);
      waiter.start();
    }

    private static Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
      Thread thread =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try {
                  for (int n; (n = from.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                  }
                } catch (IOException ignored) {
                  // the other side went away; the exit code tells the story
                } finally {
                  if (closeTarget) {
                    try {
                      to.close();
                    } catch (IOException ignored) {
                      // nothing left to do
                    }
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
      return thread;
    }

    @Override
    public void destroy(ChannelSession channel) {
      if (process != null) {
        process.destroy();
      }
    }
  }
}
