package dev.gitfoundry.e2e.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.e2e.GiteaSources;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.FreePort;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The status page as a developer sees it after a push, in a real browser (Debian's chromium): a
 * real loop (control plane, Gitea, the operator in-process) produces a successful, a failing and a
 * pending commit; each page is opened from the link the commit status carries, its visible content
 * checked, and screenshots saved under {@code target/status-page/} (phone and laptop, light and
 * dark). A commit subject and an app name carry a {@code <script>} and quotes: they must show as
 * text and never run. The pending page must turn to success by itself. Steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageBrowserE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);
  private static final String INJECTED = "<script>window.injected=1</script>";
  private static final String ODD_APP = INJECTED + " \"q\" 'q'";
  private static final String ODD_SUBJECT = "Deploy \"hello\" & 'odd' " + INJECTED;
  private static final String ODD_MANIFEST =
      "applications:\n- name: '"
          + ODD_APP.replace("'", "''")
          + "'\n  docker: {image: busybox}\n  no-route: true\n  health-check-type: process\n";
  // Its own org and space: orgs and spaces are cluster-wide, and other E2Es share the cluster.
  private static final String SPACE_DIR = "statuspage/e2e/";
  private static final String SPACE_NAMESPACE = "statuspage-e2e";
  private static final String HELLO_MANIFEST = SPACE_DIR + "hello/manifest.yml";
  private static final Path HELLO_EXAMPLE =
      Path.of("examples/repos/hello/demo/dev/hello/manifest.yml");

  private static KubernetesClient client;
  private static GiteaServer gitea;
  private static GitfoundryOperator operator;
  private static GitWorkingCopy repository;
  private static Browser browser;
  private static String namespace;
  private static String repo;
  private static String base;
  private static String good;
  private static String broken;

  @BeforeAll
  static void start() throws Exception {
    KubeCluster cluster = KubeCluster.shared();
    gitea = GiteaServer.shared();
    client = cluster.client();
    namespace = cluster.createNamespace("pages");
    repo = gitea.createRepository("pages-" + System.nanoTime());
    int port = FreePort.find();
    base = "http://127.0.0.1:" + port;
    operator =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults()
                .withPublicBaseUrl(URI.create(base))
                .withProgressDeadline(Duration.ofMinutes(10)),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", port),
            Clock.systemUTC());
    operator.start();
    gitea.createWebhook(repo, base + "/hooks/gitea", "hook-secret");
    GiteaSources.createSecret(client, namespace, gitea, "hook-secret");
    repository = GitWorkingCopy.clone(gitea, repo);
    browser = Browser.start(Path.of("target", "status-page"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (operator != null) {
      operator.close();
    }
    if (repository != null) {
      repository.close();
    }
  }

  @Test
  @Order(1)
  void aSuccessfulCommitShowsTheCommitItsStatesAndItsRunningApps() throws Exception {
    good =
        repository
            .write("foundation.yml", "domains: [apps.127.0.0.1.nip.io]\n")
            .write(HELLO_MANIFEST, helloManifest())
            .write(SPACE_DIR + "odd/manifest.yml", ODD_MANIFEST)
            .commitAndPush(ODD_SUBJECT);
    client
        .resource(
            GiteaSources.gitSource(namespace, "hello", gitea.cloneUrl(repo), gitea, "5s", true))
        .create();
    GiteaSources.awaitState(gitea, repo, good, "success", LOOP);

    browser.open(targetUrl(good));
    awaitCommitPage("Success");

    assertThat(text("#commit h1")).isEqualTo(ODD_SUBJECT);
    assertThat(text("#commit .description")).isEqualTo("2/2 apps running");
    assertThat(text("#commit .author")).isEqualTo("Gitfoundry Demo");
    assertThat(href("#commit a.sha")).isEqualTo(gitea.baseUrl() + "/" + repo + "/commit/" + good);
    assertThat(text("#timeline")).contains("Fetched", "Applied", "Pending", "Success");
    assertThat(text("#changes p")).isEqualTo("2 added · 0 changed · 0 removed");
    Map<String, WebElement> apps = apps();
    assertThat(apps).containsOnlyKeys("hello", ODD_APP);
    WebElement hello = apps.get("hello");
    assertThat(hello.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Running");
    assertThat(hello.findElement(By.cssSelector(".instances")).getText())
        .isEqualTo("web 2/2 instances");
    assertThat(hello.findElement(By.cssSelector(".where")).getText()).isEqualTo("statuspage · e2e");
    String route = routeOf("hello");
    assertThat(hello.findElement(By.cssSelector(".routes a")).getAttribute("href"))
        .isIn(route, route + "/"); // the browser adds the root path
    assertThat(hello.findElement(By.cssSelector(".declared a")).getAttribute("href"))
        .isEqualTo(
            gitea.baseUrl()
                + "/"
                + repo
                + "/src/commit/"
                + good
                + "/"
                + HELLO_MANIFEST
                + "#L"
                + declaredLine());
    assertThat(apps.get(ODD_APP).findElement(By.cssSelector(".badge")).getText())
        .isEqualTo("Running");
    assertNothingInjectedRan();
    assertThat(driver().findElements(By.tagName("script"))).isEmpty(); // only pending pages poll

    screenshots("success");
  }

  @Test
  @Order(2)
  void aFailingCommitLinksEachErrorToItsLineAndSaysWhatRunsInstead() throws Exception {
    broken =
        repository
            .write(
                HELLO_MANIFEST,
                "applications:\n- name: hello\n  memory: 1X\n  docker: {image: busybox}\n")
            .commitAndPush("Give hello 1X of memory");
    GiteaSources.awaitState(gitea, repo, broken, "failure", LOOP);

    browser.open(targetUrl(broken));
    awaitCommitPage("Failed");

    assertThat(text("#commit h1")).isEqualTo("Give hello 1X of memory");
    assertThat(text("#errors h2")).isEqualTo("1 error");
    assertThat(text("#errors a.location")).isEqualTo(HELLO_MANIFEST + ":3:11");
    assertThat(href("#errors a.location"))
        .isEqualTo(
            gitea.baseUrl() + "/" + repo + "/src/commit/" + broken + "/" + HELLO_MANIFEST + "#L3");
    assertThat(text("#errors .message")).contains("Memory must use a supported unit");
    assertThat(driver().findElements(By.cssSelector("#apps"))).isEmpty();
    assertThat(text("#commit .note"))
        .isEqualTo("Nothing of this commit was applied; " + good.substring(0, 12) + " runs now.");
    screenshots("failure");

    driver().findElement(By.cssSelector("#commit .note a")).click();

    assertThat(driver().getCurrentUrl()).isEqualTo(targetUrl(good));
    assertThat(text("#commit h1")).isEqualTo(ODD_SUBJECT);
  }

  @Test
  @Order(3)
  void aPendingCommitSaysWhatItWaitsForAndTurnsToSuccessByItself() throws Exception {
    String pending =
        repository
            .write(HELLO_MANIFEST, helloManifest())
            .write(
                SPACE_DIR + "orders/manifest.yml",
                "applications:\n- name: orders\n  docker: {image: busybox}\n  no-route: true\n"
                    + "  health-check-type: process\n  services: [orders-db]\n")
            .commitAndPush("Add orders, bound to orders-db");
    GiteaSources.awaitState(gitea, repo, pending, "pending", LOOP);

    browser.open(targetUrl(pending));
    awaitCommitPage("Pending");
    Await.until(
        "orders waits for its service on the page",
        LOOP,
        () ->
            apps().containsKey("orders") && text("#apps").contains("waiting for a bound service"));

    assertThat(text("#commit .badge")).isEqualTo("Pending");
    assertThat(text("#commit .description")).startsWith("applied, ").endsWith("/3 apps ready");
    assertThat(driver().findElement(By.tagName("body")).getAttribute("data-pending")).isNotNull();
    assertThat(text("#changes p")).isEqualTo("1 added · 0 changed · 0 removed");
    assertThat(text("#changes li.added .app-name")).isEqualTo("orders");
    assertThat(text("#changes li.added .where")).isEqualTo("statuspage · e2e");
    WebElement orders = apps().get("orders");
    assertThat(orders.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Starting");
    assertThat(orders.findElement(By.cssSelector(".reason")).getText())
        .isEqualTo(
            "waiting for a bound service: its Secret does not exist yet (ServiceInstanceNotFound)");
    assertThat(orders.findElement(By.cssSelector(".message")).getText()).contains("orders-db");
    screenshots("pending");

    // Marks this document and its body: the page must keep re-reading itself (a new body each
    // time) in the same document, also after a swap that is still pending.
    driver()
        .executeScript(
            "window.stillTheSamePage = true; document.body.setAttribute('data-seen', '')");
    Await.until(
        "the pending page re-read itself",
        LOOP,
        () -> driver().findElement(By.tagName("body")).getAttribute("data-seen") == null);
    assertThat(text("#commit .badge")).isEqualTo("Pending");
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("orders-db")
                .withNamespace(SPACE_NAMESPACE)
                .endMetadata()
                .withStringData(Map.of("uri", "postgres://orders.example:5432/orders"))
                .build())
        .create();
    try {
      Await.until(
          "the open page turns to Success without being reloaded",
          LOOP,
          () -> "Success".equals(text("#commit .badge")));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          e.getMessage()
              + "\nlatest commit status: "
              + GiteaSources.latestStatus(gitea, repo, pending)
              + "\npage: "
              + text("main"),
          e);
    }

    assertThat(driver().executeScript("return window.stillTheSamePage")).isEqualTo(true);
    assertThat(driver().findElement(By.tagName("body")).getAttribute("data-pending")).isNull();
    assertThat(text("#commit .description")).isEqualTo("3/3 apps running");
    assertThat(apps().get("orders").findElement(By.cssSelector(".badge")).getText())
        .isEqualTo("Running");
    GiteaSources.awaitState(gitea, repo, pending, "success", LOOP);
  }

  @Test
  @Order(4)
  void theIndexListsTheCommitsAndAnUnknownCommitIsNotFound() throws Exception {
    browser.open(base + "/status/" + namespace + "/hello");

    List<WebElement> rows = driver().findElements(By.cssSelector("#commits tbody tr"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).findElement(By.cssSelector(".badge")).getText()).isEqualTo("Failed");
    assertThat(rows.get(2).findElement(By.cssSelector(".subject")).getText())
        .isEqualTo(ODD_SUBJECT);
    assertNothingInjectedRan();
    screenshots("index");

    rows.get(1).findElement(By.cssSelector("a.sha")).click();
    assertThat(driver().getCurrentUrl()).isEqualTo(targetUrl(broken));

    String unknown = base + "/status/" + namespace + "/hello/" + "0".repeat(40);
    browser.open(unknown);
    assertThat(text("h1")).isEqualTo("Not found");
    assertThat(text("main")).contains("does not know commit " + "0".repeat(40));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(unknown)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  /** The link the commit status carries: what a developer clicks on the forge. */
  private static String targetUrl(String sha) {
    JsonNode latest = GiteaSources.latestStatus(gitea, repo, sha);
    String url = latest.get("target_url").asText();
    assertThat(url).isEqualTo(base + "/status/" + namespace + "/hello/" + sha);
    return url;
  }

  /**
   * The forge shows a status a moment before the GitSource's status records it (the record is
   * written after the post, so that a crash in between posts again rather than never): a page
   * opened in between says "not found", or shows the commit's state before, and follows by itself
   * until it shows what the forge shows.
   */
  private static void awaitCommitPage(String badge) {
    Await.until(
        "the commit's page showing " + badge,
        LOOP,
        // One script reads the badge: the page may swap its body between two WebDriver calls.
        () ->
            badge.equals(
                driver()
                    .executeScript(
                        "var b = document.querySelector('#commit .badge');"
                            + " return b && b.textContent.trim();")));
  }

  /** The line of {@code - name: hello} in the example, where the page links the declaration. */
  private static int declaredLine() throws Exception {
    List<String> lines = helloManifest().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("name: hello")) {
        return i + 1;
      }
    }
    throw new IllegalStateException("no hello in " + HELLO_MANIFEST);
  }

  /** The hello example's app: two instances of a small HTTP server with a route. */
  private static String helloManifest() throws Exception {
    return Files.readString(Tools.repositoryRoot().resolve(HELLO_EXAMPLE));
  }

  private static void assertNothingInjectedRan() {
    assertThat(driver().executeScript("return typeof window.injected")).isEqualTo("undefined");
    assertThatThrownBy(() -> driver().switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  /** Laptop and phone, light and dark. */
  private static void screenshots(String name) throws Exception {
    for (String scheme : List.of("light", "dark")) {
      browser.colorScheme(scheme);
      browser.viewport(Browser.LAPTOP);
      browser.screenshot(name + "-laptop-" + scheme);
      browser.viewport(Browser.PHONE);
      assertThat(driver().executeScript("return document.documentElement.scrollWidth"))
          .as("no horizontal scrolling on a phone")
          .isEqualTo(Long.valueOf(Browser.PHONE.width));
      browser.screenshot(name + "-phone-" + scheme);
    }
    browser.colorScheme("light");
    browser.viewport(Browser.LAPTOP);
  }

  private static Map<String, WebElement> apps() {
    return driver().findElements(By.cssSelector("#apps .app")).stream()
        .collect(
            Collectors.toMap(
                app -> app.findElement(By.cssSelector(".app-name")).getText(), app -> app));
  }

  private static String routeOf(String app) {
    return client
        .resources(CFApp.class)
        .inNamespace(SPACE_NAMESPACE)
        .withName(app)
        .get()
        .getStatus()
        .getUrls()
        .get(0);
  }

  private static String text(String css) {
    return driver().findElement(By.cssSelector(css)).getText();
  }

  private static String href(String css) {
    return driver().findElement(By.cssSelector(css)).getAttribute("href");
  }

  private static ChromeDriver driver() {
    return browser.driver();
  }
}
