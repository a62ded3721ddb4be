package dev.gitfoundry.gitsync.webhook;

import dev.gitfoundry.gitsync.RepositoryUrls;
import dev.gitfoundry.gitsync.forge.ForgeType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Framework-free webhook endpoint: {@code POST /hooks/gitea} and {@code POST /hooks/github}. A
 * request changes something only if its HMAC signature verifies with the secret of a source that
 * watches the payload's repository; anything else is 401 and ignored.
 */
public final class WebhookHandler {
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

  private final WebhookTargets targets;
  private final WebhookListener listener;
  private final int maxPayloadBytes;

  public WebhookHandler(WebhookTargets targets, WebhookListener listener, int maxPayloadBytes) {
    this.targets = targets;
    this.listener = listener;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  public WebhookHandler(WebhookTargets targets, WebhookListener listener) {
    this(targets, listener, DEFAULT_MAX_PAYLOAD_BYTES);
  }

  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  public WebhookResponse handle(WebhookRequest request) {
    Optional<ForgeType> forge = forgeOf(request.path());
    if (forge.isEmpty()) {
      return WebhookResponse.of(404, "unknown hook path");
    }
    if (!"POST".equals(request.method())) {
      return WebhookResponse.of(405, "POST only");
    }
    if (request.body().length > maxPayloadBytes) {
      return WebhookResponse.of(413, "payload larger than " + maxPayloadBytes + " bytes");
    }
    String signature = request.header(signatureHeader(forge.get()));
    if (signature == null) {
      return WebhookResponse.of(401, "missing " + signatureHeader(forge.get()));
    }
    try {
      List<WebhookTarget> signedFor = verifiedTargets(forge.get(), request.body(), signature);
      if (signedFor.isEmpty()) {
        // same answer whether the repository is unknown or the secret wrong: no enumeration
        return WebhookResponse.of(401, "signature does not match any source");
      }
      Optional<WebhookEvent> event =
          WebhookPayloads.parse(request.header(eventHeader(forge.get())), request.body());
      if (event.isEmpty()) {
        return WebhookResponse.of(202, "event ignored");
      }
      dispatch(event.get(), signedFor);
      return WebhookResponse.of(200, "accepted for " + signedFor.size() + " source(s)");
    } catch (InvalidPayloadException e) {
      return WebhookResponse.of(400, e.getMessage());
    }
  }

  private List<WebhookTarget> verifiedTargets(ForgeType forge, byte[] body, String signature)
      throws InvalidPayloadException {
    Set<WebhookTarget> candidates = new LinkedHashSet<>();
    for (String url : WebhookPayloads.repositoryOf(body).present()) {
      try {
        candidates.addAll(targets.forRepository(RepositoryUrls.normalize(url)));
      } catch (IllegalArgumentException e) {
        log.debug("ignoring unparsable repository URL in a webhook payload");
      }
    }
    return candidates.stream().filter(t -> verifies(forge, t.secret(), body, signature)).toList();
  }

  private static boolean verifies(ForgeType forge, String secret, byte[] body, String signature) {
    return switch (forge) {
      case GITEA -> WebhookSignatures.verifyGitea(secret, body, signature);
      case GITHUB -> WebhookSignatures.verifyGitHub(secret, body, signature);
    };
  }

  private void dispatch(WebhookEvent event, List<WebhookTarget> signedFor) {
    if (event instanceof PushEvent push) {
      listener.onPush(push, signedFor);
    } else if (event instanceof PullRequestEvent pullRequest) {
      listener.onPullRequest(pullRequest, signedFor);
    }
  }

  static Optional<ForgeType> forgeOf(String path) {
    String trimmed = path == null ? "" : path.replaceAll("/+$", "");
    return switch (trimmed) {
      case "/hooks/gitea" -> Optional.of(ForgeType.GITEA);
      case "/hooks/github" -> Optional.of(ForgeType.GITHUB);
      default -> Optional.empty();
    };
  }

  static String signatureHeader(ForgeType forge) {
    return switch (forge) {
      case GITEA -> "X-Gitea-Signature";
      case GITHUB -> "X-Hub-Signature-256";
    };
  }

  static String eventHeader(ForgeType forge) {
    return switch (forge) {
      case GITEA -> "X-Gitea-Event";
      case GITHUB -> "X-GitHub-Event";
    };
  }
}
