package dev.gitfoundry.gitsync.forge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends forge API requests: authorization, timeouts, waiting out rate limits (bounded), and one
 * mapping from HTTP status to typed exceptions.
 */
final class ForgeHttp {
  private final HttpClient client;
  private final String authorization;
  private final Map<String, String> extraHeaders;
  private final ForgeClientOptions options;

  ForgeHttp(String authorization, Map<String, String> extraHeaders, ForgeClientOptions options) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.authorization = authorization;
    this.extraHeaders = Map.copyOf(extraHeaders);
    this.options = options;
  }

  HttpResponse<byte[]> send(String method, URI uri, byte[] jsonBody) throws ForgeException {
    String what = method + " " + uri.getPath();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response = exchange(method, uri, jsonBody, what);
      Instant now = options.clock().instant();
      Optional<Instant> retryAt =
          RateLimits.retryAt(response.statusCode(), response.headers(), now);
      if (retryAt.isPresent()) {
        Duration wait = Duration.between(now, retryAt.get());
        if (attempt >= options.maxAttempts() || wait.compareTo(options.maxRateLimitWait()) > 0) {
          throw new ForgeRateLimitedException(
              response.statusCode(),
              what + ": rate-limited until " + retryAt.get() + " (after " + attempt + " attempts)",
              retryAt.get());
        }
        sleep(wait.isNegative() ? Duration.ZERO : wait, what);
        continue;
      }
      return checkStatus(response, what);
    }
  }

  private HttpResponse<byte[]> exchange(String method, URI uri, byte[] jsonBody, String what)
      throws ForgeException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(options.requestTimeout())
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    extraHeaders.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ForgeUnavailableException(0, what + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForgeUnavailableException(0, what + ": interrupted", e);
    }
  }

  private void sleep(Duration wait, String what) throws ForgeException {
    try {
      options.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForgeUnavailableException(0, what + ": interrupted while rate-limited", e);
    }
  }

  private static HttpResponse<byte[]> checkStatus(HttpResponse<byte[]> response, String what)
      throws ForgeException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    String message = what + ": HTTP " + status;
    switch (status) {
      case 401 -> throw new ForgeUnauthorizedException(message + " (token missing or invalid)");
      case 403 -> throw new ForgeForbiddenException(message + " (token lacks permission)");
      case 404 -> throw new ForgeNotFoundException(message + " (not found or not visible)");
      default -> {
        if (status >= 500) {
          throw new ForgeUnavailableException(status, message, null);
        }
        throw new ForgeRequestRejectedException(status, message);
      }
    }
  }
}
