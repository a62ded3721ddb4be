package dev.gitfoundry.e2e.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitfoundry.testing.CfCli;
import dev.gitfoundry.testing.CommandResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real cf CLI v8 against the operator's read-only CF API, on a foundation applied from Gitea:
 * login with kubeconfig users (a client certificate and ServiceAccount tokens), the listing
 * commands, RBAC visibility, refused writes, and {@code cf curl}.
 */
class CfCliE2E {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CfApiFoundation foundation;
  private static String aliceToken;
  private static String carolToken;
  private static String daveToken;

  @BeforeAll
  static void start() throws Exception {
    foundation = CfApiFoundation.start();
    aliceToken = foundation.serviceAccountToken("alice");
    foundation.bindSpaceDeveloper("alice", CfApiFoundation.DEV_NAMESPACE);
    carolToken = foundation.serviceAccountToken("carol");
    foundation.bindSpaceDeveloper("carol", CfApiFoundation.DEV_NAMESPACE);
    foundation.bindSpaceDeveloper("carol", CfApiFoundation.PROD_NAMESPACE);
    daveToken = foundation.serviceAccountToken("dave");
  }

  @AfterAll
  static void stop() throws Exception {
    if (foundation != null) {
      foundation.close();
    }
  }

  @Test
  void anAdminWithAClientCertificateSeesTheWholeFoundation() {
    try (CfCli cf = CfCli.create()) {
      String kubeconfig = foundation.cluster.api().kubeconfigYaml();
      cf.useKubeconfig(kubeconfig);
      String user = firstUser(kubeconfig);
      show(cf.run("api", foundation.apiUrl(), "--skip-ssl-validation")).orThrow("cf api");
      CommandResult login =
          show(cf.run("login", "-u", user, "-o", CfApiFoundation.ORG, "-s", "dev"));
      assertThat(login.exitCode()).as(login.toString()).isZero();
      assertThat(login.stdout()).contains("org:").contains("cfapi").contains("space:");

      CommandResult orgs = show(cf.run("orgs"));
      assertThat(orgs.stdout()).contains("cfapi");
      CommandResult spaces = show(cf.run("spaces"));
      assertThat(spaces.stdout()).contains("dev").contains("prod");

      CommandResult apps = show(cf.run("apps"));
      assertThat(apps.exitCode()).as(apps.toString()).isZero();
      assertThat(apps.stdout())
          .containsPattern(
              "hello\\s+started\\s+web:2/2\\s+hello\\." + Pattern.quote(CfApiFoundation.DOMAIN))
          .containsPattern("worker\\s+started\\s+web:1/1");

      CommandResult app = show(cf.run("app", "hello"));
      assertThat(app.exitCode()).as(app.toString()).isZero();
      assertThat(app.stdout())
          .containsPattern("requested state:\\s+started")
          .containsPattern("routes:\\s+hello\\." + Pattern.quote(CfApiFoundation.DOMAIN))
          .containsPattern("instances:\\s+2/2")
          .containsPattern("#0\\s+running")
          .containsPattern("#1\\s+running")
          .contains("64M")
          .contains("128M");

      CommandResult routes = show(cf.run("routes"));
      assertThat(routes.exitCode()).as(routes.toString()).isZero();
      assertThat(routes.stdout())
          .containsPattern("dev\\s+hello\\s+" + Pattern.quote(CfApiFoundation.DOMAIN) + ".*hello");
      CommandResult orgRoutes = show(cf.run("routes", "--org-level"));
      assertThat(orgRoutes.exitCode()).as(orgRoutes.toString()).isZero();
      assertThat(orgRoutes.stdout()).contains("hello");

      CommandResult domains = show(cf.run("domains"));
      assertThat(domains.exitCode()).as(domains.toString()).isZero();
      assertThat(domains.stdout())
          .containsPattern(Pattern.quote(CfApiFoundation.DOMAIN) + "\\s+shared");

      CommandResult org = show(cf.run("org", "cfapi"));
      assertThat(org.exitCode()).as(org.toString()).isZero();
      assertThat(org.stdout()).contains("dev").contains("prod").contains(CfApiFoundation.DOMAIN);

      CommandResult space = show(cf.run("space", "dev"));
      assertThat(space.exitCode()).as(space.toString()).isZero();
      assertThat(space.stdout()).containsPattern("apps:\\s+hello, worker");
    }
  }

  @Test
  void quotasAndSecurityGroupsFromGitAreShownAsCloudControllerWould() {
    try (CfCli cf = CfCli.create()) {
      String kubeconfig = foundation.cluster.api().kubeconfigYaml();
      cf.useKubeconfig(kubeconfig);
      show(cf.run("api", foundation.apiUrl(), "--skip-ssl-validation")).orThrow("cf api");
      show(cf.run("login", "-u", firstUser(kubeconfig), "-o", CfApiFoundation.ORG, "-s", "dev"))
          .orThrow("cf login");

      CommandResult orgQuotas = show(cf.run("org-quotas"));
      assertThat(orgQuotas.exitCode()).as(orgQuotas.toString()).isZero();
      assertThat(orgQuotas.stdout())
          .containsPattern(
              "(?m)^standard\\s+4G\\s+unlimited\\s+20\\s+unlimited\\s+allowed\\s+unlimited");
      CommandResult orgQuota = show(cf.run("org-quota", "standard"));
      assertThat(orgQuota.exitCode()).as(orgQuota.toString()).isZero();
      assertThat(orgQuota.stdout())
          .containsPattern("total memory:\\s+4G")
          .containsPattern("instance memory:\\s+unlimited")
          .containsPattern("routes:\\s+20")
          .containsPattern("log volume per second:\\s+unlimited");
      CommandResult missing = show(cf.run("org-quota", "nope"));
      assertThat(missing.exitCode()).isNotZero();
      assertThat(missing.stdout() + missing.stderr()).containsPattern("nope.* not found");

      CommandResult spaceQuotas = show(cf.run("space-quotas"));
      assertThat(spaceQuotas.exitCode()).as(spaceQuotas.toString()).isZero();
      assertThat(spaceQuotas.stdout())
          .contains("Getting space quotas for org cfapi")
          .containsPattern("(?m)^small\\s+2G\\s+1G\\s+unlimited\\s+unlimited\\s+allowed\\s+5");
      CommandResult spaceQuota = show(cf.run("space-quota", "small"));
      assertThat(spaceQuota.exitCode()).as(spaceQuota.toString()).isZero();
      assertThat(spaceQuota.stdout())
          .containsPattern("total memory:\\s+2G")
          .containsPattern("instance memory:\\s+1G")
          .containsPattern("app instances:\\s+5");

      CommandResult org = show(cf.run("org", "cfapi"));
      assertThat(org.exitCode()).as(org.toString()).isZero();
      assertThat(org.stdout()).containsPattern("quota:\\s+standard");
      CommandResult space = show(cf.run("space", "dev"));
      assertThat(space.exitCode()).as(space.toString()).isZero();
      assertThat(space.stdout())
          .containsPattern("quota:\\s+small")
          .containsPattern("running security groups:\\s+public-networks, orders-db");
      CommandResult prod = show(cf.run("space", "prod"));
      assertThat(prod.stdout())
          .containsPattern("running security groups:[ \\t]+public-networks\\R");
      CommandResult rules = show(cf.run("space", "dev", "--security-group-rules"));
      assertThat(rules.exitCode()).as(rules.toString()).isZero();
      assertThat(rules.stdout())
          .containsPattern("orders-db\\s+10\\.20\\.0\\.0/24\\s+5432\\s+tcp\\s+running\\s+orders");

      CommandResult groups = show(cf.run("security-groups"));
      assertThat(groups.exitCode()).as(groups.toString()).isZero();
      assertThat(groups.stdout())
          .containsPattern("public-networks\\s+<all>\\s+<all>\\s+running")
          .containsPattern("orders-db\\s+cfapi\\s+dev\\s+running");
      CommandResult group = show(cf.run("security-group", "orders-db"));
      assertThat(group.exitCode()).as(group.toString()).isZero();
      assertThat(group.stdout())
          .containsPattern("name:\\s+orders-db")
          .contains("\"destination\": \"10.20.0.0/24\"")
          .contains("\"ports\": \"5432\"")
          .containsPattern("cfapi\\s+dev");
      CommandResult running = show(cf.run("running-security-groups"));
      assertThat(running.exitCode()).as(running.toString()).isZero();
      assertThat(running.stdout())
          .containsPattern("(?m)^public-networks$")
          .doesNotContain("orders-db");
      CommandResult staging = show(cf.run("staging-security-groups"));
      assertThat(staging.exitCode()).as(staging.toString()).isZero();
      assertThat(staging.stdout()).contains("No global staging security groups found.");
    }
  }

  @Test
  void aUserBoundToOneSpaceSeesOnlyThatSpace() {
    try (CfCli cf = CfCli.create()) {
      Map<String, String> users = new LinkedHashMap<>();
      users.put("alice", aliceToken);
      users.put("carol", carolToken);
      users.put("dave", daveToken);
      cf.useKubeconfigWithTokenUsers(foundation.cluster.api().url(), users);
      show(cf.run("api", foundation.apiUrl(), "--skip-ssl-validation")).orThrow("cf api");
      CommandResult login = show(cf.run("login", "-u", "alice"));
      assertThat(login.exitCode()).as(login.toString()).isZero();
      // One org and one visible space: the CLI targets both without asking.
      assertThat(login.stdout()).containsPattern("org:\\s+cfapi").containsPattern("space:\\s+dev");

      CommandResult spaces = show(cf.run("spaces"));
      assertThat(spaces.stdout()).contains("dev").doesNotContain("prod");
      CommandResult prod = show(cf.run("target", "-s", "prod"));
      assertThat(prod.exitCode()).isNotZero();
      assertThat(prod.stdout() + prod.stderr()).contains("Space 'prod' not found");
      CommandResult whoami = show(cf.run("target"));
      assertThat(whoami.stdout())
          .contains("system:serviceaccount:" + foundation.sourceNamespace + ":alice");

      CommandResult carol = show(cf.run("auth", "carol"));
      assertThat(carol.exitCode()).as(carol.toString()).isZero();
      cf.run("target", "-o", "cfapi").orThrow("target org");
      assertThat(show(cf.run("spaces")).stdout()).contains("dev").contains("prod");

      // Authenticated, but bound nowhere: sees nothing.
      cf.run("auth", "dave").orThrow("auth dave");
      CommandResult orgs = show(cf.run("orgs"));
      assertThat(orgs.stdout()).contains("No orgs found.").doesNotContainPattern("(?m)^cfapi$");
    }
  }

  @Test
  void writesAreRefusedWithTheRepositoryToPushTo() throws Exception {
    try (CfCli cf = loggedInAlice()) {
      CommandResult scale = show(cf.run("scale", "hello", "-i", "3", "-f"));
      assertThat(scale.exitCode()).isNotZero();
      assertThat(scale.stdout() + scale.stderr())
          .contains(
              "This foundation is managed through Git: change the manifest in "
                  + foundation.repositoryUrl
                  + " and push");

      Path empty = Files.createTempDirectory("cfapi-push");
      CommandResult push = show(cf.run("push", "hello", "-p", empty.toString()));
      assertThat(push.exitCode()).isNotZero();
      assertThat(push.stdout() + push.stderr()).contains("This foundation is managed through Git");
    }
  }

  @Test
  void curlReturnsPaginatedJson() throws Exception {
    try (CfCli cf = loggedInAlice()) {
      CommandResult all = cf.run("curl", "/v3/apps");
      JsonNode body = JSON.readTree(all.stdout());
      assertThat(body.path("pagination").path("total_results").asInt()).isEqualTo(2);
      assertThat(body.path("resources").findValuesAsText("name"))
          .containsExactlyInAnyOrder("hello", "worker");

      CommandResult first = cf.run("curl", "/v3/apps?per_page=1&order_by=name");
      JsonNode page = JSON.readTree(first.stdout());
      System.out.println(first.stdout());
      assertThat(page.path("pagination").path("total_pages").asInt()).isEqualTo(2);
      assertThat(page.path("resources").get(0).path("name").asText()).isEqualTo("hello");
      String next = page.path("pagination").path("next").path("href").asText();
      assertThat(next).startsWith(foundation.apiUrl() + "/v3/apps?").contains("page=2");
      JsonNode second =
          JSON.readTree(cf.run("curl", next.substring(foundation.apiUrl().length())).stdout());
      assertThat(second.path("resources").get(0).path("name").asText()).isEqualTo("worker");

      JsonNode names = JSON.readTree(cf.run("curl", "/v3/apps?names=worker,hello,nope").stdout());
      assertThat(names.path("pagination").path("total_results").asInt()).isEqualTo(2);
      JsonNode unknown = JSON.readTree(cf.run("curl", "/v3/nothing-here").stdout());
      assertThat(unknown.path("errors").get(0).path("title").asText()).isEqualTo("CF-NotFound");
    }
  }

  @Test
  void noCredentialsIs401() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(foundation.apiUrl() + "/v3/apps")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("CF-NotAuthenticated").contains("10002");
    HttpResponse<String> badToken =
        http.send(
            HttpRequest.newBuilder(URI.create(foundation.apiUrl() + "/v3/apps"))
                .header("Authorization", "Bearer not-a-token")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(badToken.body()).contains("CF-InvalidAuthToken");
    HttpResponse<String> root =
        http.send(
            HttpRequest.newBuilder(URI.create(foundation.apiUrl() + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).contains("\"cf_on_k8s\":true");

    try (CfCli cf = CfCli.create()) {
      show(cf.run("api", foundation.apiUrl(), "--skip-ssl-validation")).orThrow("cf api");
      CommandResult apps = show(cf.run("apps"));
      assertThat(apps.exitCode()).isNotZero();
      assertThat(apps.stdout() + apps.stderr()).contains("Not logged in");
    }
  }

  private static CfCli loggedInAlice() {
    CfCli cf = CfCli.create();
    cf.useKubeconfigWithTokenUsers(foundation.cluster.api().url(), Map.of("alice", aliceToken));
    cf.run("api", foundation.apiUrl(), "--skip-ssl-validation").orThrow("cf api");
    cf.run("login", "-u", "alice", "-o", "cfapi", "-s", "dev").orThrow("cf login");
    return cf;
  }

  private static String firstUser(String kubeconfig) {
    Matcher matcher =
        Pattern.compile("users:\\s*\\n\\s*-\\s+name:\\s*\"?([^\"\\s]+)").matcher(kubeconfig);
    if (!matcher.find()) {
      throw new IllegalStateException("no user in kubeconfig:\n" + kubeconfig);
    }
    return matcher.group(1);
  }

  private static CommandResult show(CommandResult result) {
    System.out.println("exit " + result.exitCode() + "\n" + result.stdout() + result.stderr());
    return result;
  }
}
