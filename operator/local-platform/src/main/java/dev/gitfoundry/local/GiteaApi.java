package dev.gitfoundry.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the demo and the tests do on a Gitea through its REST API, as its admin user: repositories,
 * pull requests, commit statuses and webhooks. The same for a Gitea process and a Gitea container.
 */
public final class GiteaApi {
  private final String baseUrl;
  private final String user;
  private final String token;
  private final JsonHttp http;

  /** {@code baseUrl} such as {@code http://127.0.0.1:3000}; {@code token} an admin token. */
  public GiteaApi(String baseUrl, String user, String token) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.token = token;
    this.http = new JsonHttp(baseUrl + "/api/v1", "token " + token);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String apiUrl() {
    return baseUrl + "/api/v1";
  }

  public String token() {
    return token;
  }

  /** Gitea's version, e.g. {@code 1.25.4}; answers once Gitea serves its API. */
  public String version() {
    return http.get("/version").path("version").asText();
  }

  /** Creates a repository of the admin user with an initial commit on {@code main}. */
  public String createRepository(String name) {
    http.post(
        "/user/repos",
        Map.of("name", name, "auto_init", true, "default_branch", "main", "private", false));
    return user + "/" + name;
  }

  /** An HTTP clone URL with credentials, usable by {@code git push}; {@code repo} is owner/name. */
  public String authenticatedCloneUrl(String repo) {
    URI base = URI.create(baseUrl);
    return base.getScheme()
        + "://"
        + user
        + ":"
        + token
        + "@"
        + base.getAuthority()
        + "/"
        + repo
        + ".git";
  }

  /** The clone URL without credentials, as a user would configure it. */
  public String cloneUrl(String repo) {
    return baseUrl + "/" + repo + ".git";
  }

  /** Opens a pull request and returns its number. */
  public long createPullRequest(String repo, String head, String base, String title) {
    return http.post(
            "/repos/" + repo + "/pulls",
            Map.of("head", head, "base", base, "title", title, "body", title))
        .path("number")
        .asLong();
  }

  public void closePullRequest(String repo, long number) {
    http.patch("/repos/" + repo + "/pulls/" + number, Map.of("state", "closed"));
  }

  /** The head commit SHA of a branch. */
  public String headCommit(String repo, String branch) {
    return http.get("/repos/" + repo + "/branches/" + branch).path("commit").path("id").asText();
  }

  /** Every commit status posted on {@code sha}, newest first (Gitea's order). */
  public List<JsonNode> commitStatuses(String repo, String sha) {
    List<JsonNode> statuses = new ArrayList<>();
    http.get("/repos/" + repo + "/statuses/" + sha).forEach(statuses::add);
    return statuses;
  }

  /** Registers a Gitea-type webhook for push and pull request events; returns its id. */
  public long createWebhook(String repo, String url, String secret) {
    Map<String, Object> hook =
        Map.of(
            "type",
            "gitea",
            "active",
            true,
            "events",
            List.of("push", "pull_request"),
            "config",
            Map.of("url", url, "content_type", "json", "secret", secret));
    return http.post("/repos/" + repo + "/hooks", hook).path("id").asLong();
  }

  /** Any other API call: {@code send("GET", "/repos/o/r/pulls?state=all", null)}. */
  public JsonNode send(String method, String path, Object body) {
    return http.send(method, path, body);
  }
}
