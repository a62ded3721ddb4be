package dev.gitfoundry.e2e.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gitfoundry.operator.cfapi.CfApi;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.CfCli;
import dev.gitfoundry.testing.CommandResult;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real cf CLI v8 against the operator's read-only CF API, on a foundation applied from Gitea
 * ({@link CfApiFoundation}): login with kubeconfig users (a client certificate and ServiceAccount
 * tokens), every read-only command of the README's table as a space developer, what an auditor may
 * not see, events from two pushes by two authors and a crash, logs the Pods printed, services
 * backed by Secrets, manifests from Git, refused writes, and {@code cf curl}.
 */
class CfCliE2E {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRINTED = "hello from the instances";
  private static CfApiFoundation foundation;
  private static Map<String, String> tokens;

  @BeforeAll
  static void start() throws Exception {
    foundation = CfApiFoundation.start();
    tokens = new LinkedHashMap<>();
    for (String user : List.of("alice", "carol", "audrey", "dave")) {
      tokens.put(user, foundation.serviceAccountToken(user));
    }
    foundation.logs.print(PRINTED);
    foundation.logs.print("second line");
    List<Pod> hello = foundation.helloPods();
    foundation.reportCrash(hello.get(0), 137, "OOMKilled");
    for (Pod pod : hello) {
      foundation.reportUsage(pod, "250m", "32Mi");
    }
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

      assertThat(show(cf.run("orgs")).stdout()).contains("cfapi");
      assertThat(show(cf.run("spaces")).stdout()).contains("dev").contains("prod");

      CommandResult apps = show(cf.run("apps"));
      assertThat(apps.exitCode()).as(apps.toString()).isZero();
      assertThat(apps.stdout())
          .containsPattern(
              "hello\\s+started\\s+web:3/3\\s+hello\\." + Pattern.quote(CfApiFoundation.DOMAIN))
          .containsPattern("worker\\s+started\\s+web:1/1");

      CommandResult app = show(cf.run("app", "hello"));
      assertThat(app.exitCode()).as(app.toString()).isZero();
      assertThat(app.stdout())
          .containsPattern("requested state:\\s+started")
          .containsPattern("routes:\\s+hello\\." + Pattern.quote(CfApiFoundation.DOMAIN))
          .containsPattern("instances:\\s+3/3")
          // Usage from metrics.k8s.io: 250m of CPU is 25 % of a core, 32Mi of the 64M limit.
          .containsPattern("#0\\s+running\\s+\\S+\\s+25\\.0%\\s+32M of 64M\\s+0B of 128M")
          .containsPattern("#2\\s+running");

      CommandResult routes = show(cf.run("routes"));
      assertThat(routes.stdout())
          .containsPattern("dev\\s+hello\\s+" + Pattern.quote(CfApiFoundation.DOMAIN) + ".*hello");
      assertThat(show(cf.run("routes", "--org-level")).stdout()).contains("hello");
      assertThat(show(cf.run("domains")).stdout())
          .containsPattern(Pattern.quote(CfApiFoundation.DOMAIN) + "\\s+shared");
      assertThat(show(cf.run("org", "cfapi")).stdout())
          .contains("dev")
          .contains("prod")
          .contains(CfApiFoundation.DOMAIN);
      assertThat(show(cf.run("space", "dev")).stdout())
          .containsPattern("apps:\\s+hello, worker")
          .containsPattern("services:\\s+orders-db");
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
      cf.useKubeconfigWithTokenUsers(foundation.cluster.api().url(), tokens);
      show(cf.run("api", foundation.apiUrl(), "--skip-ssl-validation")).orThrow("cf api");
      CommandResult login = show(cf.run("login", "-u", "alice"));
      assertThat(login.exitCode()).as(login.toString()).isZero();
      // One org and one visible space: the CLI targets both without asking.
      assertThat(login.stdout()).containsPattern("org:\\s+cfapi").containsPattern("space:\\s+dev");

      assertThat(show(cf.run("spaces")).stdout()).contains("dev").doesNotContain("prod");
      CommandResult prod = show(cf.run("target", "-s", "prod"));
      assertThat(prod.exitCode()).isNotZero();
      assertThat(prod.stdout() + prod.stderr()).contains("Space 'prod' not found");
      assertThat(show(cf.run("target")).stdout())
          .contains("system:serviceaccount:" + foundation.sourceNamespace + ":alice");

      cf.run("auth", "carol").orThrow("auth carol");
      cf.run("target", "-o", "cfapi").orThrow("target org");
      assertThat(show(cf.run("spaces")).stdout()).contains("dev").contains("prod");

      // Authenticated, but bound nowhere: sees nothing.
      cf.run("auth", "dave").orThrow("auth dave");
      assertThat(show(cf.run("orgs")).stdout())
          .contains("No orgs found.")
          .doesNotContainPattern("(?m)^cfapi$");
    }
  }

  /** Every row of the README's table of read-only commands, as a space developer. */
  @Test
  void everyReadOnlyCommandAnswersForASpaceDeveloper() throws Exception {
    Path manifest = Files.createTempDirectory("cf-manifest").resolve("hello_manifest.yml");
    String domain = CfApiFoundation.DOMAIN;
    try (CfCli cf = loggedIn("alice", "dev")) {
      Commands commands = new Commands(cf);
      commands.expect("target", 0, "space:\\s+dev");
      commands.expect("orgs", 0, "(?m)^cfapi$");
      commands.expect("org cfapi", 0, "spaces:\\s+dev");
      commands.expect("spaces", 0, "(?m)^dev$");
      commands.expect("space dev", 0, "services:\\s+orders-db");
      commands.expect("apps", 0, "hello\\s+started\\s+web:3/3");
      commands.expect("app hello", 0, "instances:\\s+3/3");
      commands.expect(
          "env hello", 0, "\"uri\": \"postgres://orders:s3cr3t@db.example", "MODE: canary");
      commands.expect("events hello", 0, "audit.app.update\\s+john@example.com");
      commands.expect("logs hello --recent", 0, "\\[APP/PROC/WEB/0\\] OUT " + PRINTED);
      commands.expect(
          "create-app-manifest hello -p " + manifest, 0, "Manifest file created successfully");
      commands.expect("revisions hello", 0, "3\\(deployed\\)\\s+Canary mode for hello");
      commands.expect("revision hello --version 2", 0, "description:\\s+Scale hello to 3");
      commands.expect("tasks hello", 0, "No tasks found for application.");
      commands.expect("task hello 1", 1, "Task sequence ID 1 not found.");
      commands.expect("packages hello", 0, "No packages found.");
      commands.expect("droplets hello", 0, "No droplets found");
      commands.expect("download-droplet hello", 1, "App 'hello' does not have a current droplet.");
      commands.expect("get-health-check hello", 0, "web\\s+port");
      commands.expect("get-readiness-health-check hello", 0, "web\\s+process");
      commands.expect(
          "ssh-enabled hello",
          0,
          "ssh support is disabled for app 'hello'",
          "ssh is disabled globally");
      commands.expect("space-ssh-allowed dev", 0, "ssh support is disabled in space 'dev'.");
      commands.expect("stacks", 0, "No stacks found.");
      commands.expect("stack cflinuxfs4", 1, "Stack 'cflinuxfs4' not found");
      commands.expect("buildpacks", 0, "No buildpacks found");
      commands.expect("labels app hello", 0, "No labels found.");
      commands.expect("services", 0, "orders-db\\s+user-provided\\s+hello\\s+create succeeded");
      commands.expect(
          "service orders-db", 0, "type:\\s+user-provided", "hello\\s+db\\s+create succeeded");
      commands.expect(
          "service-keys orders-db", 0, "No service keys for service instance orders-db");
      commands.expect(
          "service-key orders-db key",
          1,
          "No service key key found for service instance orders-db");
      commands.expect("marketplace", 0, "No service offerings found.");
      commands.expect("service-brokers", 0, "No service brokers found");
      commands.expect("service-access", 0, "No service plans found.");
      commands.expect("routes", 0, "dev\\s+hello\\s+" + Pattern.quote(domain));
      commands.expect("route " + domain + " --hostname hello", 0, "hello\\s+web\\s+8080\\s+http1");
      commands.expect(
          "check-route " + domain + " -n hello",
          0,
          "Route 'hello." + Pattern.quote(domain) + "' does exist.");
      commands.expect(
          "check-route " + domain + " -n nope",
          0,
          "Route 'nope." + Pattern.quote(domain) + "' does not exist.");
      commands.expect("domains", 0, Pattern.quote(domain) + "\\s+shared");
      commands.expect("router-groups", 0, "No router groups found.");
      commands.expect(
          "org-users cfapi",
          0,
          "ORG MANAGER\\s+platform-lead \\(kubernetes\\)",
          "ORG AUDITOR\\s+compliance \\(group\\)");
      commands.expect(
          "org-users cfapi -a", 0, "ORG USERS\\s+compliance \\(group\\)\\s+platform-lead");
      commands.expect(
          "space-users cfapi dev",
          0,
          "SPACE DEVELOPER\\s+system:serviceaccount:\\S+:alice \\(serviceaccount\\)",
          "SPACE AUDITOR\\s+system:serviceaccount:\\S+:audrey \\(serviceaccount\\)");
      commands.expect("feature-flags", 0, "diego_docker\\s+enabled", "app_scaling\\s+disabled");
      commands.expect("feature-flag diego_docker", 0, "diego_docker\\s+enabled");
      commands.expect("feature-flag nope", 1, "Feature flag 'nope' not found.");
      commands.expect(
          "running-environment-variable-group",
          0,
          "No running environment variable group has been set.");
      commands.expect(
          "staging-environment-variable-group",
          0,
          "No staging environment variable group has been set.");
      commands.expect("isolation-segments", 0, "name\\s+orgs");
      commands.expect("curl /v3/apps?names=hello", 0, "\"name\":\\s*\"hello\"");
      // Where this foundation has no such service, the CLI says so itself.
      commands.expect("network-policies", 1, "does not expose it");
      commands.expect("ssh hello", 1, "SSH endpoint not set");
      commands.expect("oauth-token", 1, "Error Code: 401");
      commands.expect("logout", 0, "Logging out system:serviceaccount:\\S+:alice");
      commands.verify();
    }
    assertThat(Files.readString(manifest)).contains("name: hello");
  }

  @Test
  void eventsShowEachPushWithItsAuthorAndTheCrashesFromThePods() {
    try (CfCli cf = loggedIn("alice", "dev")) {
      CommandResult events = show(cf.run("events", "hello"));
      assertThat(events.exitCode()).as(events.toString()).isZero();
      List<String> rows =
          events.stdout().lines().filter(line -> line.matches("^\\d{4}-.*")).toList();
      List<String> audit = rows.stream().filter(row -> row.contains("audit.app.")).toList();
      assertThat(audit).as("newest first").hasSize(3);
      assertThat(audit.get(0))
          .containsPattern("audit.app.update\\s+" + CfApiFoundation.THIRD_AUTHOR)
          .contains("environment_json: [PRIVATE DATA HIDDEN]")
          .doesNotContain("canary");
      assertThat(audit.get(1))
          .containsPattern("audit.app.update\\s+" + CfApiFoundation.SECOND_AUTHOR)
          .contains("instances: 3");
      assertThat(audit.get(2))
          .containsPattern("audit.app.create\\s+" + CfApiFoundation.FIRST_AUTHOR);
      assertThat(rows)
          .anySatisfy(
              row ->
                  assertThat(row)
                      .containsPattern("app.crash\\s+hello\\s+index: 0, reason: CRASHED")
                      .contains(
                          "exit_description: APP/PROC/WEB: Exited with status 137 (OOMKilled)")
                      .contains("exit_status: 137"));

      // The data names the commit; cf curl shows it (the CLI's table does not).
      JsonNode body =
          json(cf.run("curl", "/v3/audit_events?types=audit.app.update&order_by=-created_at"));
      JsonNode latest = body.path("resources").get(0);
      assertThat(latest.path("data").path("commit").path("sha").asText())
          .isEqualTo(foundation.commits.get(2));
      assertThat(latest.path("data").path("commit").path("subject").asText())
          .isEqualTo("Canary mode for hello");
      assertThat(latest.path("data").path("manifest").asText())
          .isEqualTo(CfApiFoundation.HELLO_MANIFEST);

      CommandResult shop = show(cf.run("events", "shop"));
      assertThat(shop.stdout() + shop.stderr()).contains("App 'shop' not found");
    }
  }

  @Test
  void eventsAndManifestsSurviveARestartOfTheApi() throws Exception {
    // A CF API started afresh (what a restarted or standby replica serves) shows the same events
    // and manifests: they come from the cluster and from Git, not from the memory of the replica
    // that applied the revisions.
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try (CfApi api =
            new CfApi(
                foundation.client,
                OperatorConfig.defaults(),
                new dev.gitfoundry.operator.cache.ClusterCaches(foundation.client),
                Clock.systemUTC());
        CfCli cf = CfCli.create()) {
      api.start();
      server.createContext("/", api.handler());
      server.start();
      cf.useKubeconfigWithTokenUsers(
          foundation.cluster.api().url(), Map.of("alice", tokens.get("alice")));
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      cf.run("api", url, "--skip-ssl-validation").orThrow("cf api");
      cf.run("login", "-u", "alice", "-o", "cfapi", "-s", "dev").orThrow("cf login");
      CommandResult events = show(cf.run("events", "hello"));
      assertThat(events.stdout())
          .containsPattern("audit.app.update\\s+" + CfApiFoundation.THIRD_AUTHOR)
          .containsPattern("audit.app.update\\s+" + CfApiFoundation.SECOND_AUTHOR)
          .containsPattern("app.crash\\s+hello");
      CommandResult manifest =
          show(cf.run("curl", "/v3/apps/" + appGuid(cf, "hello") + "/manifest"));
      assertThat(manifest.stdout()).contains("MODE: canary");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void logsShowWhatTheInstancesPrintedRecentAndStreaming() throws Exception {
    try (CfCli cf = loggedIn("alice", "dev")) {
      CommandResult recent = show(cf.run("logs", "hello", "--recent"));
      assertThat(recent.exitCode()).as(recent.toString()).isZero();
      for (int instance = 0; instance < 3; instance++) {
        assertThat(recent.stdout())
            .containsPattern("\\[APP/PROC/WEB/" + instance + "\\] OUT " + PRINTED)
            .containsPattern("\\[APP/PROC/WEB/" + instance + "\\] OUT second line");
      }
      assertThat(recent.stdout().indexOf(PRINTED))
          .as("oldest first")
          .isLessThan(recent.stdout().indexOf("second line"));

      Path output = Files.createTempFile("cf-logs", ".out");
      Process tail = startCf(cf, output, "logs", "hello");
      try {
        // Whenever it lands relative to the CLI's first read, the newest line is shown: the CLI
        // starts one second before the newest envelope, then follows.
        String line = "streamed at " + System.nanoTime();
        foundation.logs.print(line);
        Await.until(
            "cf logs to print '" + line + "'",
            Duration.ofSeconds(30),
            () -> read(output).contains("[APP/PROC/WEB/0] OUT " + line));
      } finally {
        tail.destroy();
        tail.waitFor();
        System.out.println(read(output));
      }
    }
  }

  @Test
  void anAuditorSeesNeitherCredentialsNorLogs() {
    try (CfCli cf = loggedIn("audrey", "dev")) {
      Commands commands = new Commands(cf);
      commands.expect("apps", 0, "hello\\s+started\\s+web:3/3");
      commands.expect("env hello", 1, "You are not authorized to perform the requested action");
      commands.expect(
          "logs hello --recent",
          1,
          "Failed to retrieve logs from Log Cache: unexpected status code 403");
      commands.expect(
          "create-app-manifest hello -p "
              + foundation.cluster.kubeconfigFile().getParent().resolve("m.yml"),
          1,
          "You are not authorized to perform the requested action");
      commands.expect("events hello", 0, "audit.app.update\\s+" + CfApiFoundation.SECOND_AUTHOR);
      commands.expect("revisions hello", 0, "3\\(deployed\\)");
      commands.expect("services", 0, "orders-db\\s+user-provided\\s+hello");
      commands.expect(
          "space-users cfapi dev", 0, "SPACE AUDITOR\\s+system:serviceaccount:\\S+:audrey");
      commands.verify();
      JsonNode env = json(cf.run("curl", "/v3/apps/" + appGuid(cf, "hello") + "/env"));
      assertThat(env.toString()).doesNotContain("s3cr3t").contains("CF-NotAuthorized");
    }
  }

  @Test
  void servicesAreUserProvidedInstancesBackedBySecrets() {
    try (CfCli cf = loggedIn("carol", "prod")) {
      CommandResult services = show(cf.run("services"));
      assertThat(services.stdout())
          .containsPattern("cache\\s+user-provided\\s+shop\\s+create failed");
      CommandResult cache = show(cf.run("service", "cache"));
      assertThat(cache.exitCode()).isZero();
      assertThat(cache.stdout())
          .containsPattern("status:\\s+create failed")
          .contains(
              "Secret cache not found in namespace cfapi-prod: create it with the credentials")
          .containsPattern("shop\\s+create failed");
      CommandResult missing = show(cf.run("service", "orders-db"));
      assertThat(missing.exitCode()).isNotZero();
      assertThat(missing.stdout() + missing.stderr())
          .as("an instance belongs to its space")
          .contains("Service instance 'orders-db' not found");

      cf.run("target", "-s", "dev").orThrow("target dev");
      CommandResult env = show(cf.run("env", "hello"));
      assertThat(env.stdout())
          .contains("VCAP_SERVICES")
          .contains("\"binding_name\": \"db\"")
          .contains("\"instance_name\": \"orders-db\"")
          .contains("postgres://orders:s3cr3t@db.example:5432/orders")
          .contains("VCAP_APPLICATION")
          .containsPattern("User-Provided:\\s+MODE: canary");
    }
  }

  @Test
  void createAppManifestIsTheFileInGitAtTheAppliedRevision() throws Exception {
    Path directory = Files.createTempDirectory("cf-manifest");
    try (CfCli cf = loggedIn("alice", "dev")) {
      show(cf.run("create-app-manifest", "hello", "-p", directory.resolve("m.yml").toString()))
          .orThrow("create-app-manifest");
    }
    String inGit = fileInGit(CfApiFoundation.HELLO_MANIFEST, foundation.commits.get(2));
    assertThat(Files.readString(directory.resolve("m.yml")))
        .isEqualTo(
            "# "
                + CfApiFoundation.HELLO_MANIFEST
                + " in "
                + foundation.repositoryUrl
                + " at main@sha1:"
                + foundation.commits.get(2)
                + "\n# Gitfoundry applies this file from Git: edit it there and push.\n"
                + inGit);
    assertThat(inGit).contains("# hello: the dev space's web app").contains("MODE: canary");
  }

  @Test
  void writesAreRefusedNamingTheManifestToEdit() throws Exception {
    String refusal =
        "This foundation is managed through Git: change "
            + CfApiFoundation.HELLO_MANIFEST
            + " in "
            + foundation.repositoryUrl
            + " and push";
    try (CfCli cf = loggedIn("carol", "dev")) {
      for (String[] write :
          List.of(
              new String[] {"scale", "hello", "-i", "5", "-f"},
              new String[] {"set-env", "hello", "MODE", "edited"},
              new String[] {"restart", "hello"})) {
        CommandResult result = show(cf.run(write));
        assertThat(result.exitCode()).as(String.join(" ", write)).isNotZero();
        assertThat(result.stdout() + result.stderr()).as(String.join(" ", write)).contains(refusal);
      }
      Path empty = Files.createTempDirectory("cfapi-push");
      CommandResult push = show(cf.run("push", "hello", "-p", empty.toString()));
      assertThat(push.exitCode()).isNotZero();
      assertThat(push.stdout() + push.stderr()).contains("This foundation is managed through Git");
      CommandResult space = show(cf.run("create-space", "qa"));
      assertThat(space.stdout() + space.stderr())
          .contains("change the manifest in " + foundation.repositoryUrl + " and push");
    }
  }

  @Test
  void curlReturnsPaginatedJson() throws Exception {
    try (CfCli cf = loggedIn("alice", "dev")) {
      JsonNode body = json(cf.run("curl", "/v3/apps"));
      assertThat(body.path("pagination").path("total_results").asInt()).isEqualTo(2);
      assertThat(body.path("resources").findValuesAsText("name"))
          .containsExactlyInAnyOrder("hello", "worker");

      JsonNode page = json(cf.run("curl", "/v3/apps?per_page=1&order_by=name"));
      assertThat(page.path("pagination").path("total_pages").asInt()).isEqualTo(2);
      assertThat(page.path("resources").get(0).path("name").asText()).isEqualTo("hello");
      String next = page.path("pagination").path("next").path("href").asText();
      assertThat(next).startsWith(foundation.apiUrl() + "/v3/apps?").contains("page=2");
      JsonNode second = json(cf.run("curl", next.substring(foundation.apiUrl().length())));
      assertThat(second.path("resources").get(0).path("name").asText()).isEqualTo("worker");

      JsonNode names = json(cf.run("curl", "/v3/apps?names=worker,hello,nope"));
      assertThat(names.path("pagination").path("total_results").asInt()).isEqualTo(2);
      JsonNode unknown = json(cf.run("curl", "/v3/nothing-here"));
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
    assertThat(JSON.readTree(root.body()).path("links").path("log_cache").path("href").asText())
        .isEqualTo(foundation.apiUrl());

    try (CfCli cf = CfCli.create()) {
      show(cf.run("api", foundation.apiUrl(), "--skip-ssl-validation")).orThrow("cf api");
      CommandResult apps = show(cf.run("apps"));
      assertThat(apps.exitCode()).isNotZero();
      assertThat(apps.stdout() + apps.stderr()).contains("Not logged in");
    }
  }

  /** Runs commands and collects every mismatch, so one run reports all of them. */
  private static final class Commands {
    private final CfCli cf;
    private final SoftAssertions softly = new SoftAssertions();

    Commands(CfCli cf) {
      this.cf = cf;
    }

    void expect(String command, int exitCode, String... patterns) {
      CommandResult result = show(cf.run(command.split(" ")));
      String output = result.stdout() + result.stderr();
      softly
          .assertThat(result.exitCode())
          .as("cf " + command + " exit code\n" + output)
          .isEqualTo(exitCode);
      softly.assertThat(output).as("cf " + command).doesNotContain("API endpoint not found");
      for (String pattern : patterns) {
        softly.assertThat(output).as("cf " + command).containsPattern(pattern);
      }
    }

    void verify() {
      softly.assertAll();
    }
  }

  private static CfCli loggedIn(String user, String space) {
    CfCli cf = CfCli.create();
    cf.useKubeconfigWithTokenUsers(foundation.cluster.api().url(), Map.of(user, tokens.get(user)));
    cf.run("api", foundation.apiUrl(), "--skip-ssl-validation").orThrow("cf api");
    cf.run("login", "-u", user, "-o", "cfapi", "-s", space).orThrow("cf login");
    return cf;
  }

  /** {@code cf ARGS} in the background, writing to {@code output}, as this CLI's user. */
  private static Process startCf(CfCli cf, Path output, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Tools.get().binary("cf").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(cf.home().toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("CF_HOME", cf.home().toString());
    builder.environment().put("CF_PLUGIN_HOME", cf.home().toString());
    builder.environment().put("CF_COLOR", "false");
    builder.environment().put("KUBECONFIG", cf.home().resolve("kubeconfig.yaml").toString());
    return builder.start();
  }

  private static String appGuid(CfCli cf, String name) {
    return json(cf.run("curl", "/v3/apps?names=" + name))
        .path("resources")
        .get(0)
        .path("guid")
        .asText();
  }

  private static String fileInGit(String path, String sha) {
    JsonNode file =
        foundation.gitea.api(
            "GET", "/repos/" + foundation.repo + "/contents/" + path + "?ref=" + sha, null);
    return new String(
        Base64.getMimeDecoder().decode(file.path("content").asText()), StandardCharsets.UTF_8);
  }

  private static JsonNode json(CommandResult result) {
    try {
      return JSON.readTree(result.stdout());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + result, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
