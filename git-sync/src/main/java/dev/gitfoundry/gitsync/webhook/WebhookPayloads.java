package dev.gitfoundry.gitsync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Gitea and GitHub push and pull_request payloads; both forges use the same field names for
 * what we need (Gitea mirrors GitHub's layout).
 */
public final class WebhookPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayloads() {}

  /** The repository named by any payload, needed to find whose secret signs it. */
  public static EventRepository repositoryOf(byte[] body) throws InvalidPayloadException {
    return repository(tree(body).path("repository"));
  }

  /**
   * @param eventName {@code X-Gitea-Event} or {@code X-GitHub-Event}
   * @return empty for events we do not act on (ping, issues, …)
   */
  public static Optional<WebhookEvent> parse(String eventName, byte[] body)
      throws InvalidPayloadException {
    if (eventName == null) {
      return Optional.empty();
    }
    return switch (eventName) {
      case "push" -> Optional.of(push(tree(body)));
      case "pull_request" -> Optional.of(pullRequest(tree(body)));
      default -> Optional.empty();
    };
  }

  private static PushEvent push(JsonNode root) throws InvalidPayloadException {
    String ref = text(root, "ref");
    String after = text(root, "after");
    if (ref == null || after == null) {
      throw new InvalidPayloadException("push payload without ref or after", null);
    }
    return new PushEvent(repository(root.path("repository")), ref, after);
  }

  private static PullRequestEvent pullRequest(JsonNode root) throws InvalidPayloadException {
    JsonNode pr = root.path("pull_request");
    JsonNode head = pr.path("head");
    JsonNode base = pr.path("base");
    int number = root.path("number").asInt(pr.path("number").asInt(0));
    if (number <= 0 || text(head, "sha") == null) {
      throw new InvalidPayloadException("pull_request payload without number or head sha", null);
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode label : pr.path("labels")) {
      if (label.hasNonNull("name")) {
        labels.add(label.get("name").asText());
      }
    }
    return new PullRequestEvent(
        repository(root.path("repository")),
        text(root, "action"),
        number,
        text(head, "sha"),
        text(head, "ref"),
        text(base, "ref"),
        fromFork(head.path("repo"), base.path("repo")),
        pr.path("merged").asBoolean(false),
        labels);
  }

  /** A head repository that differs from the base, or is gone, is a fork. */
  static boolean fromFork(JsonNode headRepo, JsonNode baseRepo) {
    if (headRepo.isMissingNode() || headRepo.isNull()) {
      return true;
    }
    if (headRepo.hasNonNull("id") && baseRepo.hasNonNull("id")) {
      return headRepo.get("id").asLong() != baseRepo.get("id").asLong();
    }
    String headName = text(headRepo, "full_name");
    return headName == null || !headName.equalsIgnoreCase(text(baseRepo, "full_name"));
  }

  private static EventRepository repository(JsonNode repository) {
    return new EventRepository(
        text(repository, "clone_url"), text(repository, "ssh_url"), text(repository, "html_url"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode tree(byte[] body) throws InvalidPayloadException {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw new InvalidPayloadException("payload is not a JSON object", null);
      }
      return root;
    } catch (IOException e) {
      throw new InvalidPayloadException("payload is not valid JSON", e);
    }
  }
}
