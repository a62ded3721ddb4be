package dev.gitfoundry.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Gitea process on loopback (SQLite, no SSH) with an admin user and an API token: the forge
 * of {@code gitfoundry demo}, and of the tests where no container engine is at hand.
 */
public final class LocalGitea implements AutoCloseable {
  public static final String ADMIN_USER = GiteaAdmin.USER;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration CLI_TIMEOUT = Duration.ofSeconds(120);

  private final TempDir directory;
  private final int port;
  private ManagedProcess process;
  private String token;
  private GiteaApi api;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalGitea(TempDir directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** Starts a Gitea of its own (port, database, repositories). Close it when done. */
  public static LocalGitea start() {
    long started = System.nanoTime();
    ToolCache tools = ToolCache.get();
    LocalGitea gitea = Cleanup.atExit(new LocalGitea(TempDir.create("gitea"), FreePort.find()));
    try {
      gitea.writeConfiguration(tools);
      gitea.bootstrap(tools);
      gitea.startWeb(tools);
    } catch (RuntimeException e) {
      gitea.close();
      throw e;
    }
    System.out.printf(
        "[gitfoundry] Gitea process at %s ready in %d ms%n",
        gitea.baseUrl(), (System.nanoTime() - started) / 1_000_000);
    return gitea;
  }

  private void writeConfiguration(ToolCache tools) {
    GiteaConfiguration configuration =
        new GiteaConfiguration(
            directory.toString(),
            tools.giteaStaticRoot().toString(),
            System.getProperty("user.name"),
            port);
    try {
      Files.createDirectories(directory.resolve("custom/conf"));
      Files.writeString(configFile(), configuration.toIni());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Schema, admin user and token come from the gitea CLI, before the web server is up. */
  private void bootstrap(ToolCache tools) {
    gitea(tools, List.of("migrate")).orThrow("gitea migrate");
    gitea(tools, GiteaAdmin.createUser()).orThrow("gitea admin user create");
    token =
        GiteaAdmin.token(
            gitea(tools, GiteaAdmin.generateToken())
                .orThrow("gitea admin user generate-access-token")
                .stdout());
    api = new GiteaApi(baseUrl(), ADMIN_USER, token);
  }

  private CommandResult gitea(ToolCache tools, List<String> arguments) {
    List<String> command = giteaCommand(tools);
    command.addAll(arguments);
    return Command.run(command, environment(), directory.path(), CLI_TIMEOUT);
  }

  /** The binary with the global flags, which go before the subcommand. */
  private List<String> giteaCommand(ToolCache tools) {
    return new ArrayList<>(
        List.of(
            tools.binary("gitea").toString(),
            "--config",
            configFile().toString(),
            "--work-path",
            directory.toString()));
  }

  private void startWeb(ToolCache tools) {
    List<String> command = giteaCommand(tools);
    command.add("web");
    process = ManagedProcess.start("gitea", command, environment(), directory.path());
    Await.until(
        "Gitea at " + baseUrl() + " to answer",
        READY_TIMEOUT,
        () -> {
          process.checkAlive();
          return !api.version().isEmpty();
        });
  }

  private Map<String, String> environment() {
    return Map.of(
        "GITEA_WORK_DIR", directory.toString(),
        "HOME", directory.resolve("home").toString(),
        "USER", System.getProperty("user.name"));
  }

  private Path configFile() {
    return directory.resolve("custom/conf/app.ini");
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The REST API base, e.g. {@code http://127.0.0.1:3000/api/v1}, for clients under test. */
  public String apiUrl() {
    return api.apiUrl();
  }

  /** An admin API token (all scopes), sent as {@code Authorization: token <token>}. */
  public String token() {
    return token;
  }

  /** The REST API as the admin user. */
  public GiteaApi api() {
    return api;
  }

  /** Creates a repository of the admin user with an initial commit on {@code main}. */
  public String createRepository(String name) {
    return api.createRepository(name);
  }

  /** An HTTP clone URL with credentials, usable by {@code git push}; {@code repo} is owner/name. */
  public String authenticatedCloneUrl(String repo) {
    return api.authenticatedCloneUrl(repo);
  }

  /** The clone URL without credentials, as a user would configure it. */
  public String cloneUrl(String repo) {
    return api.cloneUrl(repo);
  }

  /** Opens a pull request and returns its number. */
  public long createPullRequest(String repo, String head, String base, String title) {
    return api.createPullRequest(repo, head, base, title);
  }

  public void closePullRequest(String repo, long number) {
    api.closePullRequest(repo, number);
  }

  /** The head commit SHA of a branch. */
  public String headCommit(String repo, String branch) {
    return api.headCommit(repo, branch);
  }

  /** Any other API call: {@code api("GET", "/repos/o/r/pulls?state=all", null)}. */
  public JsonNode api(String method, String path, Object body) {
    return api.send(method, path, body);
  }

  /** Every commit status posted on {@code sha}, newest first (Gitea's order). */
  public List<JsonNode> commitStatuses(String repo, String sha) {
    return api.commitStatuses(repo, sha);
  }

  /** Registers a Gitea-type webhook for push and pull request events; returns its id. */
  public long createWebhook(String repo, String url, String secret) {
    return api.createWebhook(repo, url, secret);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Cleanup.forget(this);
    if (process != null) {
      process.close();
    }
    directory.close();
  }

  @Override
  public String toString() {
    return "LocalGitea at " + directory;
  }
}
