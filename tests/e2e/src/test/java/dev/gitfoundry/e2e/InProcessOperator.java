package dev.gitfoundry.e2e;

import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.GiteaServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;

/** The operator inside the test JVM, with its defaults, on free loopback ports. */
final class InProcessOperator {
  private InProcessOperator() {}

  /** Started: its caches synced and its HTTP port ({@link GitfoundryOperator#httpPort}) open. */
  static GitfoundryOperator start(KubernetesClient client) throws Exception {
    GitfoundryOperator operator =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults().withPublicBaseUrl(URI.create("http://127.0.0.1:0")),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", 0),
            Clock.systemUTC());
    operator.start();
    return operator;
  }

  /** A Gitea webhook on {@code repo} to this operator, signed with {@code secret}. */
  static void hook(GiteaServer gitea, String repo, GitfoundryOperator operator, String secret) {
    gitea.createWebhook(repo, "http://127.0.0.1:" + operator.httpPort() + "/hooks/gitea", secret);
  }
}
