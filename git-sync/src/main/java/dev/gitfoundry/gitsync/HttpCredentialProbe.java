package dev.gitfoundry.gitsync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * After a failed HTTP(S) Git operation, asks the server for the ref advertisement once more with
 * the same credentials and reports the status code. JGit's transport errors carry no status, and
 * some servers (Gitea) answer refused credentials with a 401 that has no challenge, which JGit
 * reports like an unsupported method; the status code is the reliable signal.
 */
final class HttpCredentialProbe {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private HttpCredentialProbe() {}

  static boolean applies(String url) {
    String lower = url.trim().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  /** The status of {@code GET <url>/info/refs?service=git-upload-pack}, or empty if none came. */
  static OptionalInt status(String url, GitCredentials credentials) {
    try {
      URI uri = URI.create(url.trim().replaceAll("/+$", "") + "/info/refs?service=git-upload-pack");
      HttpRequest.Builder request =
          HttpRequest.newBuilder(withoutUserInfo(uri)).timeout(Duration.ofSeconds(10)).GET();
      if (credentials.kind() == GitCredentials.Kind.USERNAME_PASSWORD) {
        String pair = credentials.username() + ":" + credentials.password();
        request.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<Void> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return OptionalInt.of(response.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    return URI.create(uri.toString().replace(uri.getRawUserInfo() + "@", ""));
  }
}
