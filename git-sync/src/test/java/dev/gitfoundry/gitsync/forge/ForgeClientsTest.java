package dev.gitfoundry.gitsync.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.forge.StubForge.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForgeClientsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final ForgeRepository REPO = new ForgeRepository("acme", "apps");
  private static final String SHA = "a".repeat(40);

  private StubForge forge;
  private final List<Duration> sleeps = new ArrayList<>();
  private ForgeClientOptions options;

  @BeforeEach
  void start() throws Exception {
    forge = new StubForge();
    options =
        new ForgeClientOptions(
            Duration.ofSeconds(5),
            3,
            Duration.ofSeconds(60),
            100,
            Clock.fixed(NOW, ZoneOffset.UTC),
            sleeps::add);
  }

  @AfterEach
  void stop() {
    forge.close();
  }

  private GiteaForgeClient gitea() {
    return new GiteaForgeClient(forge.apiBase(), "gitea-token-xyz", options);
  }

  private GitHubForgeClient github() {
    return new GitHubForgeClient(forge.apiBase(), "ghs_token_xyz", options);
  }

  @Test
  void postsAStatusWithTheForgesAuthorizationAndBody() throws Exception {
    CommitStatus status =
        new CommitStatus(
            CommitState.PENDING, "gitfoundry", "applied, 0/3 apps ready", "https://ui/x");
    assertThat(gitea().postStatus(REPO, SHA, status)).isTrue();
    assertThat(github().postStatus(REPO, SHA, status)).isTrue();
    var requests = forge.requests();
    assertThat(requests.get(0).method()).isEqualTo("POST");
    assertThat(requests.get(0).pathAndQuery()).isEqualTo("/api/repos/acme/apps/statuses/" + SHA);
    assertThat(requests.get(0).headers().get("Authorization"))
        .containsExactly("token gitea-token-xyz");
    assertThat(requests.get(0).body())
        .contains(
            "\"state\":\"pending\"",
            "\"context\":\"gitfoundry\"",
            "\"target_url\":\"https://ui/x\"");
    assertThat(requests.get(1).headers().get("Authorization"))
        .containsExactly("Bearer ghs_token_xyz");
  }

  @Test
  void theSameStatusIsPostedOnceAndSeedingCounts() throws Exception {
    GitHubForgeClient client = github();
    CommitStatus pending = new CommitStatus(CommitState.PENDING, "gitfoundry", "applied", null);
    CommitStatus success =
        new CommitStatus(CommitState.SUCCESS, "gitfoundry", "3/3 apps running", null);
    assertThat(client.postStatus(REPO, SHA, pending)).isTrue();
    assertThat(client.postStatus(REPO, SHA, pending)).isFalse();
    assertThat(client.postStatus(REPO, SHA, success)).isTrue();
    assertThat(client.postStatus(REPO, "b".repeat(40), success)).isTrue();

    GitHubForgeClient restarted = github();
    restarted.rememberPosted(REPO, SHA, success);
    assertThat(restarted.postStatus(REPO, SHA, success)).isFalse();
    assertThat(forge.requests()).hasSize(3);
  }

  @Test
  void descriptionsAreTrimmedToEachForgesLimit() throws Exception {
    String longText = "x".repeat(400);
    github().postStatus(REPO, SHA, new CommitStatus(CommitState.FAILURE, "c", longText, null));
    gitea().postStatus(REPO, SHA, new CommitStatus(CommitState.FAILURE, "c", longText, null));
    assertThat(description(forge.requests().get(0).body())).hasSize(140).endsWith("…");
    assertThat(description(forge.requests().get(1).body())).hasSize(255).endsWith("…");
  }

  private static String description(String json) {
    Matcher matcher = Pattern.compile("\"description\":\"([^\"]*)\"").matcher(json);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  @Test
  void waitsOutRetryAfterThenSucceeds() throws Exception {
    forge.thenAnswer(new Answer(429, Map.of("Retry-After", "7"), ""));
    assertThat(gitea().postStatus(REPO, SHA, new CommitStatus(CommitState.SUCCESS, "c", "d", null)))
        .isTrue();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(forge.requests()).hasSize(2);
  }

  @Test
  void waitsForTheGitHubRateLimitReset() throws Exception {
    long reset = NOW.plusSeconds(30).getEpochSecond();
    forge.thenAnswer(
        new Answer(
            403,
            Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)),
            "{\"message\":\"API rate limit exceeded\"}"));
    forge.otherwise(r -> Answer.json(200, "[]"));
    assertThat(github().listOpenPullRequests(REPO)).isEmpty();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void givesUpWithATypedErrorWhenTheWindowIsTooFarOrAttemptsRunOut() {
    forge.thenAnswer(new Answer(429, Map.of("Retry-After", "3600"), ""));
    assertThatThrownBy(() -> gitea().listOpenPullRequests(REPO))
        .isInstanceOfSatisfying(
            ForgeRateLimitedException.class,
            e -> {
              assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(3600));
              assertThat(e.kind()).isEqualTo(ErrorKind.WAITING);
            });
    assertThat(sleeps).isEmpty();

    forge.otherwise(r -> new Answer(429, Map.of("Retry-After", "1"), ""));
    assertThatThrownBy(() -> gitea().listOpenPullRequests(REPO))
        .isInstanceOf(ForgeRateLimitedException.class);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void errorStatusesAreDistinctTypes() {
    CommitStatus status = new CommitStatus(CommitState.ERROR, "c", "d", null);
    forge.thenAnswer(Answer.json(401, "{}"));
    assertThatThrownBy(() -> gitea().postStatus(REPO, SHA, status))
        .isInstanceOf(ForgeUnauthorizedException.class)
        .hasMessageNotContaining("gitea-token-xyz");
    forge.thenAnswer(Answer.json(403, "{\"message\":\"forbidden\"}"));
    assertThatThrownBy(() -> gitea().postStatus(REPO, SHA, status))
        .isInstanceOf(ForgeForbiddenException.class);
    forge.thenAnswer(Answer.json(404, "{}"));
    assertThatThrownBy(() -> gitea().postStatus(REPO, SHA, status))
        .isInstanceOf(ForgeNotFoundException.class);
    forge.thenAnswer(Answer.json(422, "{}"));
    assertThatThrownBy(() -> gitea().postStatus(REPO, SHA, status))
        .isInstanceOf(ForgeRequestRejectedException.class);
    forge.thenAnswer(Answer.json(502, "{}"));
    assertThatThrownBy(() -> gitea().postStatus(REPO, SHA, status))
        .isInstanceOfSatisfying(
            ForgeUnavailableException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aFailedPostIsNotRememberedSoItIsRetried() throws Exception {
    CommitStatus status = new CommitStatus(CommitState.SUCCESS, "c", "d", null);
    GiteaForgeClient client = gitea();
    forge.thenAnswer(Answer.json(502, "{}"));
    assertThatThrownBy(() -> client.postStatus(REPO, SHA, status))
        .isInstanceOf(ForgeUnavailableException.class);
    assertThat(client.postStatus(REPO, SHA, status)).isTrue();
  }

  @Test
  void githubPaginationFollowsLinkHeaders() throws Exception {
    servePulls(230, 100, true);
    List<PullRequest> pulls = github().listOpenPullRequests(REPO);
    assertThat(pulls).hasSize(230);
    assertThat(pulls).extracting(PullRequest::number).doesNotHaveDuplicates();
    assertThat(forge.requests()).hasSize(3);
    assertThat(forge.requests().get(0).pathAndQuery()).contains("state=open", "per_page=100");
    PullRequest first = pulls.get(0);
    assertThat(first.headRef()).isEqualTo("feature-1");
    assertThat(first.baseRef()).isEqualTo("main");
    assertThat(first.headSha()).hasSize(40);
    assertThat(first.fromFork()).as("odd numbers come from forks").isTrue();
    assertThat(pulls.get(1).fromFork()).isFalse();
    assertThat(first.labels()).containsExactly("preview");
  }

  @Test
  void giteaPaginationWorksWithoutLinkHeaders() throws Exception {
    servePulls(120, 50, false);
    assertThat(gitea().listOpenPullRequests(REPO)).hasSize(120);
    assertThat(forge.requests()).hasSize(3);
    assertThat(forge.requests().get(0).pathAndQuery()).contains("limit=50");
  }

  @Test
  void neverFollowsALinkToAnotherServer() throws Exception {
    forge.otherwise(
        request ->
            new Answer(
                200,
                Map.of("Link", "<http://other.invalid/steal?page=2>; rel=\"next\""),
                "[" + pullJson(1) + "]"));
    assertThat(github().listOpenPullRequests(REPO)).hasSize(1);
    assertThat(forge.requests()).hasSize(1);
  }

  /** Pages of {@code pageSize}; odd numbers come from a fork. */
  private void servePulls(int total, int pageSize, boolean linkHeaders) {
    forge.otherwise(
        request -> {
          Matcher page = Pattern.compile("[?&]page=(\\d+)").matcher(request.pathAndQuery());
          int number = page.find() ? Integer.parseInt(page.group(1)) : 1;
          int from = (number - 1) * pageSize + 1;
          int to = Math.min(total, number * pageSize);
          String items =
              IntStream.rangeClosed(from, to)
                  .mapToObj(ForgeClientsTest::pullJson)
                  .collect(Collectors.joining(","));
          String next = request.pathAndQuery().replaceAll("page=\\d+", "page=" + (number + 1));
          Map<String, String> headers =
              linkHeaders && to < total
                  ? Map.of(
                      "Link",
                      "<"
                          + forge.apiBase().replace("/api", "")
                          + next
                          + ">; rel=\"next\", <x>; rel=\"last\"")
                  : Map.of();
          return new Answer(200, headers, "[" + items + "]");
        });
  }

  private static String pullJson(int n) {
    long headRepo = n % 2 == 0 ? 7 : 1000 + n;
    return "{\"number\":"
        + n
        + ",\"labels\":[{\"name\":\"preview\"}],"
        + "\"head\":{\"ref\":\"feature-"
        + n
        + "\",\"sha\":\""
        + String.format("%040d", n)
        + "\","
        + "\"repo\":{\"id\":"
        + headRepo
        + "}},"
        + "\"base\":{\"ref\":\"main\",\"repo\":{\"id\":7}}}";
  }
}
