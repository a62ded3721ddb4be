package dev.gitfoundry.e2e.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.e2e.GiteaSources;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole preview loop on real components, shared by the end-to-end test and the benchmark: a
 * Gitea repository with a webhook to an in-process operator, a GitSource with previews on, and a
 * clone driven with the real {@code git} (branches included, which the shared fixture lacks).
 */
final class PreviewLoop implements AutoCloseable {
  static final String PREVIEW_CONTEXT = "gitfoundry/preview";
  static final String DOMAIN = "apps.127.0.0.1.nip.io";

  final KubeCluster cluster;
  final GiteaServer gitea;
  final KubernetesClient client;
  GitfoundryOperator operator;
  final String namespace;
  final String repo;
  final Path clone;

  private PreviewLoop(
      KubeCluster cluster,
      GiteaServer gitea,
      GitfoundryOperator operator,
      String namespace,
      String repo,
      Path clone) {
    this.cluster = cluster;
    this.gitea = gitea;
    this.client = cluster.client();
    this.operator = operator;
    this.namespace = namespace;
    this.repo = repo;
    this.clone = clone;
  }

  static PreviewLoop start(String name) throws Exception {
    KubeCluster cluster = KubeCluster.shared();
    GiteaServer gitea = GiteaServer.shared();
    KubernetesClient client = cluster.client();
    String namespace = cluster.createNamespace(name);
    String repo = gitea.createRepository(name + "-" + System.nanoTime());
    GitfoundryOperator operator =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults().withPublicBaseUrl(URI.create("http://127.0.0.1:0")),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", 0),
            Clock.systemUTC());
    operator.start();
    gitea.createWebhook(
        repo, "http://127.0.0.1:" + operator.httpPort() + "/hooks/gitea", "hook-secret");
    GiteaSources.createSecret(client, namespace, gitea, "hook-secret");
    Path clone = Files.createTempDirectory("preview-clone-");
    git(clone.getParent(), "clone", "--quiet", gitea.authenticatedCloneUrl(repo), clone.toString());
    git(clone, "checkout", "--quiet", "-B", "main");
    return new PreviewLoop(cluster, gitea, operator, namespace, repo, clone);
  }

  /** Stops the operator and starts a new one on the same port, as a restarted pod would be. */
  void restartOperator() throws Exception {
    int port = operator.httpPort();
    operator.close();
    operator =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults().withPublicBaseUrl(URI.create("http://127.0.0.1:0")),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", port),
            Clock.systemUTC());
    operator.start();
  }

  /** The comments on pull request {@code number}, oldest first. */
  List<JsonNode> comments(int number) {
    List<JsonNode> comments = new java.util.ArrayList<>();
    gitea
        .api("GET", "/repos/" + repo + "/issues/" + number + "/comments", null)
        .forEach(comments::add);
    return comments;
  }

  GitSource createSource(String name, int maxOpen) {
    GitSource source =
        GiteaSources.gitSource(namespace, name, gitea.cloneUrl(repo), gitea, "5s", true);
    GitSourceSpec spec = source.getSpec();
    PreviewSpec previews = new PreviewSpec();
    previews.setEnabled(true);
    previews.setMaxOpen(maxOpen);
    spec.setPreviews(previews);
    source.setSpec(spec);
    return client.resource(source).create();
  }

  /** Writes files (null content removes), commits on {@code branch} and pushes it; the new sha. */
  String push(String branch, String message, Map<String, String> files) throws IOException {
    git(clone, "fetch", "--quiet", "origin");
    // A branch builds on its own pushed tip when it has one, else on main.
    String startPoint = remoteHas(branch) ? "origin/" + branch : "origin/main";
    git(clone, "checkout", "--quiet", "-B", branch, startPoint);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = clone.resolve(file.getKey());
      if (file.getValue() == null) {
        Files.deleteIfExists(target);
      } else {
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      }
    }
    git(clone, "add", "--all");
    git(clone, "commit", "--quiet", "--allow-empty", "-m", message);
    git(clone, "push", "--quiet", "origin", branch);
    return git(clone, "rev-parse", "HEAD").strip();
  }

  /** Commits on a new branch from main and pushes it to another repository (a fork). */
  String pushTo(String remoteUrl, String branch, String message, Map<String, String> files)
      throws IOException {
    git(clone, "fetch", "--quiet", "origin");
    git(clone, "checkout", "--quiet", "-B", branch, "origin/main");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = clone.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    git(clone, "add", "--all");
    git(clone, "commit", "--quiet", "-m", message);
    git(clone, "push", "--quiet", remoteUrl, branch);
    return git(clone, "rev-parse", "HEAD").strip();
  }

  private boolean remoteHas(String branch) {
    try {
      git(clone, "rev-parse", "--verify", "--quiet", "origin/" + branch);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  int openPullRequest(String branch, String title) {
    return (int) gitea.createPullRequest(repo, branch, "main", title);
  }

  void closePullRequest(int number) {
    gitea.closePullRequest(repo, number);
  }

  /** The newest status of {@code context} on {@code sha}; Gitea's id says which came last. */
  JsonNode latest(String sha, String context) {
    return gitea.commitStatuses(repo, sha).stream()
        .filter(s -> context.equals(s.path("context").asText()))
        .max(Comparator.comparingLong(s -> s.get("id").asLong()))
        .orElse(null);
  }

  String latestState(String sha, String context) {
    JsonNode latest = latest(sha, context);
    return latest == null ? null : latest.get("status").asText();
  }

  void awaitState(String sha, String context, String state, Duration timeout) {
    try {
      Await.until(
          context + " " + state + " on " + sha,
          timeout,
          () -> state.equals(latestState(sha, context)));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          e.getMessage() + "\nstatuses: " + gitea.commitStatuses(repo, sha), e);
    }
  }

  static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples/repos"))) {
        return dir;
      }
    }
    throw new IllegalStateException("examples/repos not found");
  }

  static String git(Path dir, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("GIT_AUTHOR_NAME", "Preview Test");
    env.put("GIT_AUTHOR_EMAIL", "preview@example.com");
    env.put("GIT_COMMITTER_NAME", "Preview Test");
    env.put("GIT_COMMITTER_EMAIL", "preview@example.com");
    env.put("GIT_TERMINAL_PROMPT", "0");
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", arguments) + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("git " + arguments[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    operator.close();
  }
}
