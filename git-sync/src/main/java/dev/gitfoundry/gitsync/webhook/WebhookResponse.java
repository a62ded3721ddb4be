package dev.gitfoundry.gitsync.webhook;

/** Status code and a short plain-text body; never echoes the request. */
public record WebhookResponse(int status, String body) {
  static WebhookResponse of(int status, String body) {
    return new WebhookResponse(status, body + "\n");
  }
}
