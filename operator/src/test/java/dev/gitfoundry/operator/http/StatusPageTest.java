package dev.gitfoundry.operator.http;

import static dev.gitfoundry.operator.http.Fixtures.BROKEN;
import static dev.gitfoundry.operator.http.Fixtures.GOOD;
import static dev.gitfoundry.operator.http.Fixtures.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gitfoundry.api.v1alpha1.GitSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler on a real JDK HTTP server: routing, negotiation, caching, escaping. */
class StatusPageTest {
  private static final String XSS_SUBJECT =
      "Fix \"quotes\" & 'apostrophes' <script>window.pwned=1</script>";
  private static final String XSS_APP = "x\"><img src=x onerror=alert(1)>";

  private final FakeStatusReads reads = new FakeStatusReads();
  private final AtomicBoolean synced = new AtomicBoolean(true);
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;
  private GitSource source;

  @BeforeEach
  void start() throws Exception {
    source = Fixtures.source("pending");
    reads.sources.add(source);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/status/", new StatusPage(reads, synced::get));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aCommitTheSourceNeverFetchedIsNotFound() throws Exception {
    HttpResponse<String> html = get("/status/team-a/manifests/" + UNKNOWN, "text/html");
    HttpResponse<String> json = get("/status/team-a/manifests/" + UNKNOWN, "application/json");

    assertThat(html.statusCode()).isEqualTo(404);
    assertThat(html.body())
        .contains("does not know commit " + UNKNOWN)
        .contains("href=\"../manifests\"");
    assertThat(html.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(html.body()).contains("<body data-pending>"); // until the source fetches it
    assertThat(get("/status/team-a/manifests/0000000", "text/html").body())
        .doesNotContain("data-pending");
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(new ObjectMapper().readTree(json.body()).get("message").asText()).contains(UNKNOWN);
    assertThat(get("/status/team-a/other/" + GOOD, "text/html").statusCode()).isEqualTo(404);
    assertThat(get("/status/team-a/manifests/not-a-sha", "text/html").statusCode()).isEqualTo(404);
    assertThat(get("/status/team-a", "text/html").statusCode()).isEqualTo(404);
  }

  @Test
  void aKnownCommitIsServedAsJsonWithTheDocumentedFields() throws Exception {
    reads.apps.add(Fixtures.app("web", true, "Running", ""));

    HttpResponse<String> response = get("/status/team-a/manifests/" + GOOD, "application/json");
    JsonNode page = new ObjectMapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.headers().firstValue("Vary")).contains("Accept");
    assertThat(page.get("source").asText()).isEqualTo("team-a/manifests");
    assertThat(page.get("state").asText()).isEqualTo("pending");
    assertThat(page.get("commit").get("sha").asText()).isEqualTo(GOOD);
    assertThat(page.get("commit").has("authorEmail")).isFalse();
    assertThat(page.get("apps").get(0).get("ready").asBoolean()).isTrue();
    assertThat(page.get("apps").get(0).get("processes").get(0).get("desired").asInt()).isEqualTo(2);
    assertThat(page.has("pending")).isFalse();
    assertThat(response.body()).doesNotContain("s3cret").doesNotContain("token");
  }

  @Test
  void anUnchangedPageIsNotModifiedAndAChangedOneIsNew() throws Exception {
    HttpResponse<String> first = get("/status/team-a/manifests/" + GOOD, "text/html");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        send(request("/status/team-a/manifests/" + GOOD).header("If-None-Match", etag).build());
    Fixtures.posted(
        source.getStatus().getHistory().get(1),
        "success",
        "1/1 apps running",
        "2026-12-01T10:01:20Z");
    HttpResponse<String> changed =
        send(request("/status/team-a/manifests/" + GOOD).header("If-None-Match", etag).build());

    assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(etag);
  }

  @Test
  void aPendingPageRefreshesItselfAndAFinishedOneDoesNot() throws Exception {
    String pending = get("/status/team-a/manifests/" + GOOD, "text/html").body();
    String failed = get("/status/team-a/manifests/" + BROKEN, "text/html").body();

    assertThat(pending)
        .contains("<body data-pending>")
        .contains("<script>" + PageLayout.SCRIPT + "</script>");
    assertThat(failed).doesNotContain("<script").contains("Memory must use a supported unit");
    assertThat(failed)
        .contains(
            "href=\"http://gitea.example:3000/acme/manifests/src/commit/"
                + BROKEN
                + "/acme/prod/web/manifest.yml#L3\"");
    assertThat(failed).contains("and 3 more");
  }

  @Test
  void textFromGitIsEscapedEverywhere() throws Exception {
    source.getStatus().getHistory().get(1).setSubject(XSS_SUBJECT);
    reads.apps.add(Fixtures.app(XSS_APP, false, "Staging", "message with <b>markup</b>"));

    HttpResponse<String> response = get("/status/team-a/manifests/" + GOOD, "text/html");
    String index = get("/status/team-a/manifests", "text/html").body();

    assertThat(response.body())
        .doesNotContain("<script>window.pwned")
        .doesNotContain("<img src=x")
        .doesNotContain("<b>markup")
        .contains(
            "Fix &quot;quotes&quot; &amp; &#39;apostrophes&#39; &lt;script&gt;window.pwned=1&lt;/script&gt;")
        .contains("x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(index).doesNotContain("<script>window.pwned").contains("&lt;script&gt;window.pwned");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .startsWith("default-src 'none'")
        .contains("script-src 'sha256-");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void theIndexListsTheRecentCommitsWithLinks() throws Exception {
    HttpResponse<String> index = get("/status/team-a/manifests", "text/html");
    HttpResponse<String> slash = get("/status/team-a/manifests/", "text/html");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body())
        .contains("href=\"manifests/" + GOOD + "\"")
        .contains("href=\"manifests/" + BROKEN + "\"")
        .contains("break it");
    assertThat(slash.statusCode()).isEqualTo(301);
    assertThat(slash.headers().firstValue("Location")).contains("../manifests");
  }

  @Test
  void aShortShaRedirectsToTheStableUrl() throws Exception {
    HttpResponse<String> response = get("/status/team-a/manifests/AAAAAAA", "text/html");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains(GOOD);
  }

  @Test
  void onlyGetAndHeadAreAnswered() throws Exception {
    HttpResponse<String> head =
        send(
            request("/status/team-a/manifests/" + GOOD)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    HttpResponse<String> post =
        send(
            request("/status/team-a/manifests/" + GOOD)
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
  }

  @Test
  void beforeTheCachesHaveSyncedTheAnswerIsToComeBack() throws Exception {
    synced.set(false);

    HttpResponse<String> response = get("/status/team-a/manifests/" + GOOD, "text/html");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return send(request(path).header("Accept", accept).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
