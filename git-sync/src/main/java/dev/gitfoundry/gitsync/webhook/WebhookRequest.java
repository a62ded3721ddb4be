package dev.gitfoundry.gitsync.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP request as any server sees it; header names are matched case-insensitively.
 *
 * @param headers first value per header name
 */
public record WebhookRequest(String method, String path, Map<String, String> headers, byte[] body) {
  public WebhookRequest {
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "WebhookRequest[" + method + " " + path + ", " + body.length + " bytes]";
  }
}
