package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.env;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.process;
import static dev.gitfoundry.compiler.CompilerFixtures.routeKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.LifecycleType;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world manifest of {@code shared/corpus/manifests} against the outcome INDEX.md
 * documents for cf CLI v8 + current Cloud Controller. Each file has an explicit expectation below;
 * a corpus file without one, or an expectation whose INDEX code disagrees, fails the test.
 *
 * <p>Stacks (cflinuxfs2/3) are not checked: "Stack must be an existing stack" is an apply-time
 * check against the platform's stacks, which the compiler cannot know. Feature flags (diego_cnb,
 * diego_docker) are apply-time too.
 */
class CorpusTest {
  private static final String APP_DIR = "app";
  private static final String NAME_ARG =
      "Incorrect Usage: The push command requires an app name. The app name can be supplied as an"
          + " argument or with a manifest.yml file.";
  private static final String NO_APPS = "Manifest must have at least one application.";
  private static final DomainSpec INTERNAL = new DomainSpec("apps.internal", true, false);

  /**
   * What one corpus file must compile to.
   *
   * @param indexCode the first word of INDEX.md's {@code expected} column, kept in sync
   * @param bits {@code path:} targets relative to the manifest's directory (placeholders created)
   * @param errors located errors without variables, {@code line:column: message}; empty = valid
   * @param warnings {@code line:column needle}: a warning at that place mentioning the needle
   * @param vars variables that make a VARS manifest valid (YAML map), or null
   */
  record Expectation(
      String indexCode,
      String manifestPath,
      List<String> bits,
      List<DomainSpec> domains,
      List<String> errors,
      List<String> warnings,
      String vars,
      Consumer<Compilation> check) {

    Expectation at(String path) {
      return new Expectation(indexCode, path, bits, domains, errors, warnings, vars, check);
    }

    Expectation bits(String... paths) {
      return new Expectation(
          indexCode, manifestPath, List.of(paths), domains, errors, warnings, vars, check);
    }

    Expectation domains(DomainSpec... extra) {
      return new Expectation(
          indexCode, manifestPath, bits, List.of(extra), errors, warnings, vars, check);
    }

    Expectation errors(String... located) {
      return new Expectation(
          indexCode, manifestPath, bits, domains, List.of(located), warnings, vars, check);
    }

    Expectation warnings(String... located) {
      return new Expectation(
          indexCode, manifestPath, bits, domains, errors, List.of(located), vars, check);
    }

    Expectation vars(String yaml) {
      return new Expectation(indexCode, manifestPath, bits, domains, errors, warnings, yaml, check);
    }

    Expectation check(Consumer<Compilation> assertions) {
      return new Expectation(
          indexCode, manifestPath, bits, domains, errors, warnings, vars, assertions);
    }
  }

  private static Expectation expect(String indexCode) {
    return new Expectation(
        indexCode, null, List.of(), List.of(), List.of(), List.of(), null, c -> {});
  }

  private static final Map<String, Expectation> EXPECTATIONS = new TreeMap<>();

  static {
    EXPECTATIONS.put(
        "0nlyoung7__spring-music__manifest.yml",
        expect("OK")
            .bits("build/libs/spring-music-1.0.jar")
            .warnings("7:14 'buildpack' is deprecated")
            .check(
                c -> {
                  CFApp app = onlyApp(c);
                  assertThat(app.getSpec().getLifecycle().getBuildpacks())
                      .containsExactly("java_buildpack");
                  assertThat(process(app, "web").getMemoryMB()).isEqualTo(1024L);
                  assertThat(env(c, "spring-music")).containsEntry("DELAY", "4711");
                }));
    EXPECTATIONS.put(
        "18F__tock__base-manifest.yml",
        expect("NEGATIVE")
            .errors("2:1: " + NO_APPS)
            .warnings("2:1 'buildpack'", "4:1 'memory'", "6:1 'stack'", "7:1 'timeout'"));
    EXPECTATIONS.put(
        "18F__tock__manifest.yml",
        expect("DEPRECATED")
            .warnings(
                "5:1 'buildpack'",
                "6:1 'env'",
                "12:1 'memory'",
                "13:1 'services'",
                "16:1 'stack'",
                "17:1 'timeout'")
            .check(
                c -> {
                  // The globals are lost: CC defaults, no env, no services.
                  CFApp app = onlyApp(c);
                  ProcessSpec web = process(app, "web");
                  assertThat(web.getInstances()).isEqualTo(4);
                  assertThat(web.getMemoryMB()).isEqualTo(1024L);
                  assertThat(web.getTimeoutSeconds()).isNull();
                  assertThat(app.getSpec().getServices()).isEmpty();
                  assertThat(app.getSpec().getLifecycle().getStack()).isNull();
                  assertThat(env(c, "tock")).isEmpty();
                  assertThat(routeKeys(c)).containsExactly("tock|apps.example.com|||http1");
                }));
    EXPECTATIONS.put(
        "GSA-TTS__gitlab-runner-cloudgov__manifest.yml",
        expect("VARS")
            .bits("runner")
            .errors(
                "12:13: Expected to find variables: authentication_token, ci_server_url,"
                    + " runner-memory, runner_name, worker-memory")
            .vars(
                """
                runner-memory: 512M
                worker-memory: 256M
                ci_server_url: https://gitlab.example.com
                runner_name: runner-1
                authentication_token: secret-token
                """)
            .check(
                c -> {
                  CFApp runner = CompilerFixtures.app(c, "gitlab-runner");
                  assertThat(runner.getSpec().getLifecycle().getBuildpacks())
                      .containsExactly(
                          "https://github.com/cloudfoundry/apt-buildpack", "binary_buildpack");
                  assertThat(process(runner, "web").getMemoryMB()).isEqualTo(512L);
                  assertThat(process(runner, "web").getHealthCheck().getType())
                      .isEqualTo("process");
                  assertThat(env(c, "gitlab-runner"))
                      .containsEntry("CI_SERVER_URL", "https://gitlab.example.com");
                  CFApp worker = CompilerFixtures.app(c, "gitlab-worker");
                  assertThat(worker.getSpec().getLifecycle().getType())
                      .isEqualTo(LifecycleType.DOCKER);
                  assertThat(worker.getSpec().getLifecycle().getImage()).isEqualTo("ubuntu:latest");
                  assertThat(process(worker, "web").getInstances()).isZero();
                  assertThat(routeKeys(c)).isEmpty();
                }));
    EXPECTATIONS.put(
        "IBM-Cloud__get-started-node__manifest.yml",
        expect("DEPRECATED")
            .warnings("5:3 'domain'", "7:3 'host'")
            .check(
                c -> {
                  assertThat(routeKeys(c))
                      .containsExactly("vy301-ae6-nodesample|apps.example.com|||http1");
                  assertThat(process(onlyApp(c), "web").getDiskMB()).isEqualTo(1024L);
                  assertThat(process(onlyApp(c), "web").getMemoryMB()).isEqualTo(256L);
                }));
    EXPECTATIONS.put(
        "IBM__watson-banking-chatbot__manifest.yml",
        expect("OK")
            .warnings("2:1 'declared-services'")
            .check(
                c -> {
                  assertThat(onlyApp(c).getSpec().getServices()).hasSize(4);
                  assertThat(routeKeys(c)).hasSize(1);
                  assertThat(routeKeys(c).get(0))
                      .matches(
                          "watson-banking-chatbot-[a-z]+-[a-z]+-[a-z]{2}\\|apps\\.example\\.com\\|\\|\\|http1");
                }));
    EXPECTATIONS.put(
        "SAP__cloud-security-services-integration-library__samples__java-security-usage-ias__manifest.yml",
        expect("VARS")
            .bits("target/java-security-usage-ias.war")
            .domains(DomainSpec.shared("cfapps.eu10.hana.ondemand.com"))
            .errors("10:14: Expected to find variables: ID, LANDSCAPE_APPS_DOMAIN")
            .vars("{ID: p42, LANDSCAPE_APPS_DOMAIN: cfapps.eu10.hana.ondemand.com}")
            .warnings("11:3 'host'")
            .check(
                c ->
                    assertThat(routeKeys(c))
                        .containsExactly(
                            "java-security-usage-ias-p42|cfapps.eu10.hana.ondemand.com|||http1")));
    EXPECTATIONS.put(
        "SAP__cloud-security-services-integration-library__samples__spring-security-hybrid-usage__manifest.yml",
        expect("VARS")
            .bits("target/spring-security-hybrid-usage.jar")
            .domains(DomainSpec.shared("cfapps.eu10.hana.ondemand.com"))
            .errors("13:14: Expected to find variables: ID, LANDSCAPE_APPS_DOMAIN")
            .vars("{ID: p42, LANDSCAPE_APPS_DOMAIN: cfapps.eu10.hana.ondemand.com}")
            .check(
                c ->
                    assertThat(onlyApp(c).getSpec().getServices().get(0).getName())
                        .isEqualTo("xsuaa-authn")));
    EXPECTATIONS.put(
        "alphagov__paas-cf__platform-tests__example-apps__healthcheck-pinger__manifest.yml",
        expect("OK")
            .check(
                c -> {
                  ProcessSpec web = process(onlyApp(c), "web");
                  assertThat(web.getCommand()).isEqualTo("./bin/healthcheck-pinger");
                  assertThat(web.getInstances()).isEqualTo(2);
                  assertThat(web.getMemoryMB()).isEqualTo(64L);
                  assertThat(web.getDiskMB()).isEqualTo(256L);
                }));
    EXPECTATIONS.put(
        "cloud-gov__pages-core__.cloudgov__manifest.yml",
        expect("VARS")
            .at("app/.cloudgov/manifest.yml")
            .bits("../admin-client")
            .domains(
                DomainSpec.shared("18f.gov"),
                DomainSpec.shared("federalistapp-staging.18f.gov"),
                INTERNAL)
            .errors(
                "3:11: Expected to find variables: auth_idp, env, env_postfix, feature_admin_auth,"
                    + " feature_bull_site_build_queue, feature_proxy_edge_dynamo,"
                    + " feature_proxy_edge_links, instances, log_level, memory, name")
            .vars(
                """
                name: federalist-staging
                env: staging
                env_postfix: -staging
                memory: 2G
                instances: 2
                log_level: info
                feature_admin_auth: true
                feature_proxy_edge_dynamo: false
                feature_proxy_edge_links: "on"
                feature_bull_site_build_queue: 1
                auth_idp: uaa
                """)
            .check(
                c -> {
                  CFApp core = CompilerFixtures.app(c, "federalist-staging");
                  assertThat(process(core, "web").getInstances()).isEqualTo(2);
                  assertThat(process(core, "web").getMemoryMB()).isEqualTo(2048L);
                  assertThat(core.getSpec().getServices()).hasSize(14);
                  assertThat(env(c, "federalist-staging"))
                      .containsEntry("NPM_CONFIG_PRODUCTION", "true")
                      .containsEntry("NODE_MODULES_CACHE", "false")
                      .containsEntry("FEATURE_ADMIN_AUTH", "true")
                      .containsEntry("APP_HOSTNAME", "https://federalistapp-staging.18f.gov");
                  CFApp admin = CompilerFixtures.app(c, "federalist-admin-staging");
                  assertThat(admin.getSpec().getLifecycle().getPath())
                      .isEqualTo("app/admin-client");
                  assertThat(routeKeys(c))
                      .containsExactlyInAnyOrder(
                          "|federalistapp-staging.18f.gov|||http1",
                          "federalistapp-staging|apps.internal|||http1",
                          "admin|federalistapp-staging.18f.gov|||http1");
                }));
    EXPECTATIONS.put(
        "cloud-gov__pages-proxy__manifest.yml",
        expect("INVALID").errors("2:1: " + NO_APPS).warnings("4:1 'name'", "3:1 'memory'"));
    EXPECTATIONS.put(
        "cloudfoundry-samples__capi-sidecar-samples__sidecar-dependent-app__manifest.yml",
        expect("OK")
            .check(
                c -> {
                  CFApp app = onlyApp(c);
                  assertThat(app.getSpec().getSidecars()).hasSize(1);
                  assertThat(app.getSpec().getSidecars().get(0).getProcessTypes())
                      .containsExactly("web");
                  assertThat(app.getSpec().getSidecars().get(0).getMemoryMB()).isNull();
                  assertThat(env(c, "sidecar-dependent-app"))
                      .containsEntry("CONFIG_SERVER_PORT", "8082");
                }));
    EXPECTATIONS.put(
        "cloudfoundry-samples__capi-sidecar-samples__wiremock-dependent-java-app__manifest.yml",
        expect("OK")
            .check(
                c -> {
                  CFApp app = onlyApp(c);
                  assertThat(app.getSpec().getSidecars().get(0).getMemoryMB()).isEqualTo(256L);
                  assertThat(app.getSpec().getSidecars().get(0).getCommand()).contains("$PWD/");
                }));
    EXPECTATIONS.put(
        "cloudfoundry-samples__cf-autoscaler__manifest.yml",
        // INDEX: INVALID in v6 only; v7+ drops the globals (with the bad services map): valid.
        expect("INVALID")
            .bits(
                "worker-process/build/libs/worker-process.jar",
                "producer/build/libs/producer.jar",
                "autoscaler/build/libs/autoscaler.jar",
                "monitor/build/libs/monitor.jar")
            .warnings(
                "2:1 'memory'",
                "3:1 'instances'",
                "4:1 'host'",
                "5:1 'domain'",
                "6:1 'services'",
                "20:3 'host'",
                "20:9 ${random-word}",
                "21:3 'domain'")
            .check(
                c -> {
                  assertThat(CompilerFixtures.apps(c)).hasSize(4);
                  assertThat(CompilerFixtures.apps(c))
                      .allSatisfy(a -> assertThat(a.getSpec().getServices()).isEmpty());
                  assertThat(routeKeys(c)).contains("autoscale-monitor|apps.example.com|||http1");
                }));
    EXPECTATIONS.put(
        "cloudfoundry-samples__cf-autoscaler__worker-process__manifest.yml",
        expect("INVALID")
            .bits("build/libs/worker-process.jar")
            .errors(
                "11:5: For application 'worker-process': Services must be a list of service"
                    + " instances")
            .warnings("6:3 'host'", "7:3 'domain'"));
    EXPECTATIONS.put(
        "cloudfoundry-samples__cf-ex-drupal__drupal-8__manifest.yml",
        expect("OK")
            .check(
                c -> {
                  CFApp app = CompilerFixtures.app(c, "d8ex");
                  assertThat(process(app, "web").getDiskMB()).isEqualTo(512L);
                  assertThat(env(c, "d8ex"))
                      .containsEntry("AWS_S3_ENDPOINT", "s3-us-gov-west-1.amazonaws.com");
                  assertThat(routeKeys(c)).containsExactly("d8ex|apps.example.com|||http1");
                }));
    EXPECTATIONS.put(
        "cloudfoundry-samples__cf-ex-php-info__manifest-diego.yml",
        expect("DEPRECATED")
            .warnings("6:3 'host'")
            .check(
                c -> {
                  assertThat(routeKeys(c)).containsExactly("php-info|apps.example.com|||http1");
                  assertThat(env(c, "php-info"))
                      .containsEntry("BP_DEBUG", "True")
                      .containsEntry("CF_DIEGO_BETA", "true");
                }));
    EXPECTATIONS.put(
        "cloudfoundry-samples__cf-ex-wordpress__manifest.yml",
        expect("DEPRECATED")
            .warnings("7:3 'host'")
            .check(
                c -> {
                  assertThat(routeKeys(c)).containsExactly("mywordpress|apps.example.com|||http1");
                  assertThat(process(onlyApp(c), "web").getMemoryMB()).isEqualTo(128L);
                  assertThat(env(c, "mywordpress"))
                      .containsEntry(
                          "SSH_OPTS",
                          "[\"cache=yes\", \"kernel_cache\", \"compression=no\", \"large_read\"]");
                }));
    EXPECTATIONS.put(
        "cloudfoundry-samples__http2_tile_demo__manifest.yml",
        expect("OK")
            .check(
                c ->
                    assertThat(routeKeys(c))
                        .containsExactly(
                            "h2c|apps.example.com|||http1", "http1|apps.example.com|||http1")));
    EXPECTATIONS.put(
        "cloudfoundry-samples__pong_matcher_go__manifest.yml",
        expect("OK")
            .check(
                c ->
                    assertThat(onlyApp(c).getSpec().getServices().get(0).getName())
                        .isEqualTo("mysql")));
    EXPECTATIONS.put(
        "cloudfoundry__capi-bara-tests__assets__golang-config-server__dora_manifest.yml",
        expect("OK")
            .domains(DomainSpec.shared("treasure-boot.capi.land"))
            .check(
                c ->
                    assertThat(routeKeys(c))
                        .containsExactly("dora|treasure-boot.capi.land|||http1")));
    EXPECTATIONS.put(
        "cloudfoundry__cf-acceptance-tests__assets__cnb-node__manifest.yml",
        expect("NAME-ARG").errors("3:5: " + NAME_ARG));
    EXPECTATIONS.put(
        "cloudfoundry__cf-acceptance-tests__assets__dora__readiness_manifest.yml",
        expect("OK")
            .check(
                c -> {
                  CFApp app = onlyApp(c);
                  ProcessSpec web = process(app, "web");
                  assertThat(web.getLogRateLimitBytesPerSecond()).isEqualTo(16384L);
                  assertThat(web.getHealthCheck().getType()).isEqualTo("http");
                  assertThat(web.getHealthCheck().getEndpoint()).isEqualTo("/");
                  assertThat(web.getReadinessCheck().getType()).isEqualTo("http");
                  assertThat(web.getReadinessCheck().getEndpoint()).isEqualTo("/ready");
                  ProcessSpec worker = process(app, "worker");
                  assertThat(worker.getInstances()).isZero();
                  assertThat(worker.getHealthCheck().getType()).isEqualTo("process");
                }));
    EXPECTATIONS.put(
        "cloudfoundry__cf-acceptance-tests__assets__logging-route-service__manifest.yml",
        expect("NAME-ARG").errors("3:5: " + NAME_ARG));
    EXPECTATIONS.put(
        "cloudfoundry__cf-acceptance-tests__assets__multi-port-app__manifest.yml",
        expect("NAME-ARG").errors("3:5: " + NAME_ARG));
    EXPECTATIONS.put(
        "cloudfoundry__cf-acceptance-tests__assets__nora__readiness_manifest.yml",
        expect("OK")
            .check(
                c -> {
                  ProcessSpec web = process(onlyApp(c), "web");
                  assertThat(web.getHealthCheck().getType()).isEqualTo("port");
                  assertThat(web.getReadinessCheck().getType()).isEqualTo("http");
                  assertThat(web.getReadinessCheck().getIntervalSeconds()).isEqualTo(1);
                }));
    EXPECTATIONS.put(
        "cloudfoundry__cf-acceptance-tests__assets__proxy__internal-route-manifest.yml",
        expect("OK")
            .domains(INTERNAL)
            .check(
                c -> {
                  assertThat(routeKeys(c)).containsExactly("app-smoke|apps.internal|||http1");
                  assertThat(process(onlyApp(c), "web").getMemoryMB()).isEqualTo(32L);
                }));
    EXPECTATIONS.put(
        "cloudfoundry__cf-networking-release__src__example-apps__tick__manifest.yml",
        expect("OK")
            .check(
                c -> {
                  assertThat(process(onlyApp(c), "web").getInstances()).isEqualTo(3);
                  assertThat(env(c, "tick"))
                      .containsEntry("START_PORT", "7000")
                      .containsEntry("LISTEN_PORTS", "3");
                }));
    EXPECTATIONS.put(
        "cloudfoundry__csb-brokerpak-azure__cf-manifest.yml",
        expect("OK")
            .check(
                c -> {
                  assertThat(process(onlyApp(c), "web").getCommand())
                      .isEqualTo("./cloud-service-broker serve");
                  assertThat(routeKeys(c)).hasSize(1);
                  assertThat(routeKeys(c).get(0)).startsWith("cloud-service-broker-azure-");
                }));
    EXPECTATIONS.put(
        "cloudfoundry__hwc-buildpack__fixtures__windows_app__manifest.yml",
        expect("INVALID").errors("2:1: " + NO_APPS).warnings("2:1 'health-check-type'"));
    EXPECTATIONS.put(
        "cloudfoundry__stratos__manifest.yml",
        // INDEX also notes cflinuxfs2: an apply-time stack check, not the compiler's.
        expect("DEPRECATED")
            .warnings("5:3 'host'")
            .check(
                c -> {
                  ProcessSpec web = process(onlyApp(c), "web");
                  assertThat(web.getTimeoutSeconds()).isEqualTo(180);
                  assertThat(web.getHealthCheck().getType()).isEqualTo("port");
                  assertThat(onlyApp(c).getSpec().getLifecycle().getStack())
                      .isEqualTo("cflinuxfs2");
                  assertThat(routeKeys(c)).containsExactly("console|apps.example.com|||http1");
                }));
    EXPECTATIONS.put(
        "kardolus__sidecars__manifest.yml",
        expect("OK")
            .check(
                c -> {
                  assertThat(onlyApp(c).getSpec().getSidecars().get(0).getName())
                      .isEqualTo("sidecar");
                  assertThat(env(c, "sidecar-dependent-app"))
                      .containsEntry("CONFIG_SERVER_PORT", "8082");
                }));
    EXPECTATIONS.put(
        "watson-developer-cloud__food-coach__manifest.yml",
        expect("OK")
            .warnings("2:1 'declared-services'")
            .check(
                c -> {
                  assertThat(env(c, "food-coach")).containsEntry("NPM_CONFIG_PRODUCTION", "false");
                  assertThat(process(onlyApp(c), "web").getMemoryMB()).isEqualTo(512L);
                }));
  }

  static Path corpusDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      Path corpus = candidate.resolve("shared/corpus/manifests");
      if (Files.isDirectory(corpus)) {
        return corpus;
      }
    }
    throw new AssertionError(
        "corpus not found: no shared/corpus/manifests in " + dir + " or any parent directory");
  }

  static List<String> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.list(corpusDirectory())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("INDEX.md"))
          .sorted()
          .toList();
    }
  }

  /** INDEX.md rows: file name → first word of the expected column. */
  static Map<String, String> indexCodes() throws IOException {
    Pattern row = Pattern.compile("^\\|\\s*\\d+\\s*\\|\\s*`([^`]+)`\\s*\\|(.*)$");
    Pattern code = Pattern.compile("^\\s*([A-Z][A-Z-]*)");
    Map<String, String> codes = new LinkedHashMap<>();
    for (String line : Files.readAllLines(corpusDirectory().resolve("INDEX.md"))) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        String[] cells = m.group(2).split("\\|");
        // repository | path | commit | blob | expected | notable
        Matcher c = code.matcher(cells[4]);
        if (!c.find()) {
          fail("no expected code in INDEX.md row: " + line);
        }
        codes.put(m.group(1), c.group(1));
      }
    }
    return codes;
  }

  @Test
  void corpusIsFound() throws IOException {
    assertThat(corpusFiles()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void everyCorpusFileIsIndexedAndHasAnExpectation() throws IOException {
    List<String> files = corpusFiles();
    Map<String, String> index = indexCodes();
    assertThat(new TreeSet<>(index.keySet()))
        .as("INDEX.md rows vs. files in the corpus directory")
        .isEqualTo(new TreeSet<>(files));
    List<String> missing = new ArrayList<>(files);
    missing.removeAll(EXPECTATIONS.keySet());
    assertThat(missing).as("corpus files without an expectation in CorpusTest").isEmpty();
    List<String> stale = new ArrayList<>(EXPECTATIONS.keySet());
    stale.removeAll(files);
    assertThat(stale).as("expectations for files no longer in the corpus").isEmpty();
    EXPECTATIONS.forEach(
        (file, expectation) ->
            assertThat(expectation.indexCode())
                .as("INDEX.md expected code of %s", file)
                .isEqualTo(index.get(file)));
  }

  static Stream<String> corpus() throws IOException {
    return corpusFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void compilesToItsDocumentedOutcome(String file) throws IOException {
    Expectation expectation = EXPECTATIONS.get(file);
    if (expectation == null) {
      fail("corpus file " + file + " has no expectation in CorpusTest");
    }
    byte[] content = Files.readAllBytes(corpusDirectory().resolve(file));
    String manifest =
        expectation.manifestPath() != null ? expectation.manifestPath() : APP_DIR + "/" + file;
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    files.put(manifest, SourceTree.SourceFile.regular(content));
    Path manifestDir = Path.of(manifest).getParent();
    for (String bits : expectation.bits()) {
      String target = manifestDir.resolve(bits).normalize().toString().replace('\\', '/');
      files.put(target, SourceTree.SourceFile.regular(new byte[0]));
    }
    List<DomainSpec> domains = new ArrayList<>(CompilerFixtures.DOMAINS);
    domains.addAll(expectation.domains());
    CompilerSettings settings =
        CompilerSettings.forSource("corpus", "gitfoundry", manifest).withDomains(domains);
    SourceTree tree = SourceTree.of(files);

    Compilation compilation = ManifestCompiler.compile(tree, settings);

    assertThat(compilation.diagnostics())
        .as("diagnostics are in %s", manifest)
        .allSatisfy(d -> assertThat(d.file()).isEqualTo(manifest));
    assertThat(locatedErrors(compilation))
        .as("errors of %s", file)
        .containsExactlyElementsOf(expectation.errors());
    if (expectation.vars() == null) {
      assertWarnings(compilation, expectation.warnings());
    }
    if (expectation.vars() != null) {
      assertThat(compilation.objects()).isEmpty();
      Map<String, YamlNode> vars = new LinkedHashMap<>();
      ((YamlMap) CompilerFixtures.yaml(expectation.vars()))
          .entries()
          .forEach((k, v) -> vars.put(k, v.value()));
      compilation = ManifestCompiler.compile(tree, settings.withVariables(vars));
      assertThat(locatedErrors(compilation)).as("errors of %s with its variables", file).isEmpty();
      assertWarnings(compilation, expectation.warnings());
    }
    if (expectation.errors().isEmpty() || expectation.vars() != null) {
      assertThat(compilation.valid()).isTrue();
      assertThat(CompilerFixtures.apps(compilation)).isNotEmpty();
      expectation.check().accept(compilation);
    } else {
      assertThat(compilation.valid()).isFalse();
      assertThat(compilation.objects()).isEmpty();
    }
  }

  private static void assertWarnings(Compilation compilation, List<String> expected) {
    List<Diagnostic> warnings =
        compilation.diagnostics().stream().filter(d -> !d.isError()).toList();
    for (String located : expected) {
      String where = located.substring(0, located.indexOf(' '));
      String needle = located.substring(located.indexOf(' ') + 1);
      assertThat(warnings)
          .as("a warning at %s mentioning %s", where, needle)
          .anySatisfy(
              w -> {
                assertThat(w.line() + ":" + w.column()).isEqualTo(where);
                assertThat(w.message()).contains(needle);
              });
    }
  }
}
