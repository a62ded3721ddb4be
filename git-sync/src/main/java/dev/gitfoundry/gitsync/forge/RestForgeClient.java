package dev.gitfoundry.gitsync.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Gitea and GitHub share: their status and pull-request JSON have the same shape, and both
 * paginate with a {@code Link: <…>; rel="next"} header.
 */
abstract class RestForgeClient implements ForgeClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

  /** A runaway pagination (a server ignoring page numbers) must not loop forever. */
  private static final int MAX_PAGES = 1000;

  private final String apiBase;
  private final ForgeHttp http;
  private final PostedStatuses posted;

  RestForgeClient(
      String apiBase,
      String authorization,
      Map<String, String> headers,
      ForgeClientOptions options) {
    this.apiBase = apiBase.replaceAll("/+$", "");
    this.http = new ForgeHttp(authorization, headers, options);
    this.posted = new PostedStatuses(options.rememberedStatuses());
  }

  /** The page-size query parameter, e.g. {@code per_page}. */
  abstract String pageSizeParameter();

  /** The page size asked for; a full page without a next link means "ask for the next one". */
  abstract int pageSize();

  @Override
  public boolean postStatus(ForgeRepository repository, String sha, CommitStatus status)
      throws ForgeException {
    CommitStatus trimmed = trimmed(status);
    if (posted.alreadyPosted(repository, sha, trimmed)) {
      return false;
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("state", trimmed.state().apiValue());
    body.put("context", trimmed.context());
    body.put("description", trimmed.description());
    if (trimmed.targetUrl() != null && !trimmed.targetUrl().isBlank()) {
      body.put("target_url", trimmed.targetUrl());
    }
    http.send("POST", uri(repoPath(repository) + "/statuses/" + encode(sha)), json(body));
    posted.remember(repository, sha, trimmed);
    return true;
  }

  @Override
  public void rememberPosted(ForgeRepository repository, String sha, CommitStatus status) {
    posted.remember(repository, sha, trimmed(status));
  }

  /** The combined status (both forges) holds the newest status of each context. */
  @Override
  public Optional<CommitStatus> latestStatus(ForgeRepository repository, String sha, String context)
      throws ForgeException {
    URI uri = uri(repoPath(repository) + "/commits/" + encode(sha) + "/status");
    JsonNode combined;
    try {
      combined = JSON.readTree(http.send("GET", uri, null).body());
    } catch (IOException e) {
      throw new ForgeUnavailableException(200, "GET " + uri.getPath() + ": invalid JSON", e);
    }
    for (JsonNode status : combined.path("statuses")) {
      if (context.equals(status.path("context").asText())) {
        // GitHub names the state "state", Gitea "status".
        String state = status.hasNonNull("state") ? status.get("state").asText() : "";
        if (state.isEmpty()) {
          state = status.path("status").asText("");
        }
        for (CommitState known : CommitState.values()) {
          if (known.apiValue().equals(state)) {
            CommitStatus latest =
                new CommitStatus(
                    known,
                    context,
                    status.path("description").asText(""),
                    status.path("target_url").asText(null));
            posted.remember(repository, sha, latest);
            return Optional.of(latest);
          }
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public List<PullRequest> listOpenPullRequests(ForgeRepository repository) throws ForgeException {
    List<PullRequest> pulls = new ArrayList<>();
    for (JsonNode item : listAll(repoPath(repository) + "/pulls?state=open&")) {
      pulls.add(pullRequest(item));
    }
    return pulls;
  }

  @Override
  public List<PullRequestComment> listComments(ForgeRepository repository, int number)
      throws ForgeException {
    List<PullRequestComment> comments = new ArrayList<>();
    for (JsonNode item : listAll(repoPath(repository) + "/issues/" + number + "/comments?")) {
      comments.add(
          new PullRequestComment(
              item.path("id").asLong(),
              item.path("user").path("login").asText(null),
              item.path("body").asText("")));
    }
    return comments;
  }

  @Override
  public long createComment(ForgeRepository repository, int number, String body)
      throws ForgeException {
    URI uri = uri(repoPath(repository) + "/issues/" + number + "/comments");
    HttpResponse<byte[]> response = http.send("POST", uri, json(Map.of("body", body)));
    try {
      return JSON.readTree(response.body()).path("id").asLong();
    } catch (IOException e) {
      throw new ForgeUnavailableException(200, "POST " + uri.getPath() + ": invalid JSON", e);
    }
  }

  @Override
  public void editComment(ForgeRepository repository, long id, String body) throws ForgeException {
    http.send(
        "PATCH", uri(repoPath(repository) + "/issues/comments/" + id), json(Map.of("body", body)));
  }

  /** Every item of a paginated list; {@code pathAndQuery} ends with '?' or '&'. */
  private List<JsonNode> listAll(String pathAndQuery) throws ForgeException {
    List<JsonNode> all = new ArrayList<>();
    URI next = page(pathAndQuery, 1);
    for (int page = 1; next != null && page <= MAX_PAGES; page++) {
      HttpResponse<byte[]> response = http.send("GET", next, null);
      JsonNode items = parse(response.body(), next);
      items.forEach(all::add);
      if (items.isEmpty()) {
        break;
      }
      // servers without Link headers: a full page may have a successor
      next =
          nextPage(response)
              .orElse(items.size() >= pageSize() ? page(pathAndQuery, page + 1) : null);
    }
    return all;
  }

  private URI page(String pathAndQuery, int page) {
    return uri(pathAndQuery + pageSizeParameter() + "=" + pageSize() + "&page=" + page);
  }

  private CommitStatus trimmed(CommitStatus status) {
    return new CommitStatus(
        status.state(),
        status.context(),
        StatusDescriptions.trim(status.description(), descriptionLimit()),
        status.targetUrl());
  }

  static PullRequest pullRequest(JsonNode item) {
    JsonNode head = item.path("head");
    JsonNode base = item.path("base");
    List<String> labels = new ArrayList<>();
    for (JsonNode label : item.path("labels")) {
      labels.add(label.path("name").asText());
    }
    return new PullRequest(
        item.path("number").asInt(),
        head.path("sha").asText(null),
        head.path("ref").asText(null),
        base.path("ref").asText(null),
        isFork(head.path("repo"), base.path("repo")),
        labels);
  }

  private static boolean isFork(JsonNode headRepo, JsonNode baseRepo) {
    if (headRepo.isMissingNode() || headRepo.isNull()) {
      return true; // the fork was deleted
    }
    if (headRepo.hasNonNull("id") && baseRepo.hasNonNull("id")) {
      return headRepo.get("id").asLong() != baseRepo.get("id").asLong();
    }
    return !headRepo
        .path("full_name")
        .asText("")
        .equalsIgnoreCase(baseRepo.path("full_name").asText(""));
  }

  /** The rel="next" link, only if it points back at the API: the token goes with it. */
  private Optional<URI> nextPage(HttpResponse<byte[]> response) {
    URI base = URI.create(apiBase);
    for (String link : response.headers().allValues("Link")) {
      Matcher matcher = NEXT_LINK.matcher(link);
      if (matcher.find()) {
        URI next = URI.create(matcher.group(1));
        boolean sameServer =
            base.getScheme().equalsIgnoreCase(next.getScheme())
                && base.getHost().equalsIgnoreCase(next.getHost())
                && base.getPort() == next.getPort();
        return sameServer ? Optional.of(next) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private JsonNode parse(byte[] body, URI from) throws ForgeException {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isArray()) {
        throw new ForgeUnavailableException(
            200, "GET " + from.getPath() + ": not a JSON array", null);
      }
      return node;
    } catch (IOException e) {
      throw new ForgeUnavailableException(200, "GET " + from.getPath() + ": invalid JSON", e);
    }
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String repoPath(ForgeRepository repository) {
    return "/repos/" + encode(repository.owner()) + "/" + encode(repository.name());
  }

  private URI uri(String pathAndQuery) {
    return URI.create(apiBase + pathAndQuery);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
