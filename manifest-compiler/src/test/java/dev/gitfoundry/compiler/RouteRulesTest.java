package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compile;
import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.errors;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.json;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.routeKeys;
import static dev.gitfoundry.compiler.CompilerFixtures.routes;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cf-manifest.md §3.2: route shape, URL parsing, protocol, options, the host/domain split against
 * the configured domains, TCP, wildcard and internal domains, and the default/random/no route.
 * Fixture domains: apps.example.com (default), example.com, apps.internal (internal),
 * tcp.example.com (TCP).
 */
class RouteRulesTest {
  private static String withRoute(String route) {
    return "applications:\n- name: a\n  routes:\n  - route: \"" + route + "\"\n";
  }

  private static String withRoutes(String routes) {
    return "applications:\n- name: a\n  routes:\n" + routes;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "example.com, |example.com|||http1",
    "www.example.com, www|example.com|||http1",
    "www.example.com/foo, www|example.com|/foo||http1",
    "www.example.com/foo/bar, www|example.com|/foo/bar||http1",
    "http://x.example.com, x|example.com|||http1",
    "https://x.example.com, x|example.com|||http1",
    "*.example.com, *|example.com|||http1",
    "my-app.apps.example.com, my-app|apps.example.com|||http1",
    "apps.example.com, |apps.example.com|||http1",
    "tcp.example.com:1234, |tcp.example.com||1234|tcp",
    "tcp://tcp.example.com:1234, |tcp.example.com||1234|tcp",
    "svc.apps.internal, svc|apps.internal|||http1",
    "under_score.example.com, under_score|example.com|||http1",
  })
  void validRoutes(String route, String expected) {
    assertThat(routeKeys(compileValid(withRoute(route)))).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"example", "/path", "ftp://x.example.com", "http://x.example.com:8080"})
  void notProperlyFormedUrls(String route) {
    assertThat(singleError(withRoute(route)))
        .isEqualTo(forApp("a", "The route '" + route + "' is not a properly formed URL"));
  }

  @Test
  void routesMustBeAListOfRouteObjects() {
    String message = forApp("a", "Routes must be a list of route objects");
    assertThat(singleError("applications:\n- name: a\n  routes: a.example.com\n"))
        .isEqualTo(message);
    assertThat(singleError(withRoutes("  - a.example.com\n"))).isEqualTo(message);
    assertThat(singleError(withRoutes("  - {}\n"))).isEqualTo(message);
    assertThat(singleError(withRoutes("  - route: ''\n"))).isEqualTo(message);
    assertThat(singleError(withRoutes("  - protocol: http2\n"))).isEqualTo(message);
    assertThat(singleError("applications:\n- name: a\n  routes: {route: a.example.com}\n"))
        .isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource({"http1, http1", "http2, http2"})
  void protocols(String protocol, String expected) {
    CFRoute route =
        routes(
                compileValid(
                    withRoutes("  - route: a.example.com\n    protocol: " + protocol + "\n")))
            .get(0);
    assertThat(route.getSpec().getProtocol()).isEqualTo(expected);
    assertThat(route.getSpec().getDestinations())
        .extracting(RouteDestination::getProtocol)
        .containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http3", "HTTP2", "udp", "'1'"})
  void badProtocol(String protocol) {
    assertThat(
            singleError(withRoutes("  - route: a.example.com\n    protocol: " + protocol + "\n")))
        .isEqualTo(forApp("a", "Route protocol must be 'http1', 'http2' or 'tcp'."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"round-robin", "least-connection"})
  void loadbalancing(String value) {
    CFRoute route =
        routes(
                compileValid(
                    withRoutes(
                        "  - route: a.example.com\n    options:\n      loadbalancing: "
                            + value
                            + "\n")))
            .get(0);
    assertThat(route.getSpec().getOptions().getLoadbalancing()).isEqualTo(value);
  }

  @Test
  void optionsMustBeAnObject() {
    assertThat(singleError(withRoutes("  - route: a.example.com\n    options: fast\n")))
        .isEqualTo(forApp("a", "Route 'a.example.com': options must be an object"));
  }

  @Test
  void unknownOption() {
    assertThat(
            singleError(
                withRoutes("  - route: a.example.com\n    options:\n      hash_header: X\n")))
        .isEqualTo(
            forApp(
                "a",
                "Route 'a.example.com' contains invalid route option 'hash_header'. Valid keys:"
                    + " 'loadbalancing'"));
  }

  @Test
  void wrongLoadbalancingValue() {
    assertThat(
            singleError(
                withRoutes(
                    "  - route: a.example.com\n    options:\n      loadbalancing: random\n")))
        .isEqualTo(
            forApp(
                "a",
                "Cannot use loadbalancing value 'random' for Route 'a.example.com'; Valid values"
                    + " are: 'round-robin, least-connection'"));
  }

  @Test
  void nonStringLoadbalancing() {
    assertThat(
            singleError(
                withRoutes("  - route: a.example.com\n    options:\n      loadbalancing: 1\n")))
        .startsWith(forApp("a", "Invalid value for 'loadbalancing' for Route 'a.example.com'; "));
  }

  @Test
  void aWholeHostnameThatIsADomainIsHostless() {
    Compilation compilation =
        compile(
            withRoute("www.example.com"),
            CompilerFixtures.settings()
                .withDomains(
                    List.of(
                        DomainSpec.shared("apps.example.com"),
                        DomainSpec.shared("www.example.com"),
                        DomainSpec.shared("example.com"))));
    assertThat(routeKeys(compilation)).containsExactly("|www.example.com|||http1");
  }

  @Test
  void withoutConfiguredDomainsTheRouteIsSplitAtItsFirstLabel() {
    Compilation compilation =
        compile(
            withRoute("www.shop.example.org/cart"),
            CompilerSettings.forSource("src", "gitfoundry", ""));
    assertThat(compilation.errors()).isEmpty();
    assertThat(routeKeys(compilation)).containsExactly("www|shop.example.org|/cart||http1");
  }

  @Test
  void noCandidateDomain() {
    assertThat(singleError(withRoute("a.unknown.org")))
        .isEqualTo(forApp("a", "No domains exist for route a.unknown.org"));
    assertThat(singleError(withRoute("a.b.example.com")))
        .isEqualTo(forApp("a", "No domains exist for route a.b.example.com"));
  }

  @Test
  void tcpRoutesTakeNoHostOrPath() {
    assertThat(singleError(withRoute("foo.tcp.example.com:1234")))
        .isEqualTo(
            forApp(
                "a",
                "For route 'foo.tcp.example.com:1234': Hosts are not supported for TCP routes."));
    assertThat(singleError(withRoute("tcp.example.com:1234/path")))
        .isEqualTo(
            forApp(
                "a",
                "For route 'tcp.example.com:1234/path': Paths are not supported for TCP routes."));
  }

  @Test
  void wildcardHosts() {
    assertThat(routeKeys(compileValid(withRoute("*.apps.example.com"))))
        .containsExactly("*|apps.example.com|||http1");
    assertThat(singleError(withRoute("*.apps.internal")))
        .isEqualTo(
            forApp(
                "a",
                "For route '*.apps.internal': Wildcard hosts are not supported for internal"
                    + " domains."));
  }

  @Test
  void internalDomainsTakeNoPath() {
    assertThat(singleError(withRoute("svc.apps.internal/v1")))
        .isEqualTo(
            forApp(
                "a",
                "For route 'svc.apps.internal/v1': Paths are not supported for internal domains."));
  }

  @ParameterizedTest
  @CsvSource({
    "'bad!host.example.com', Host format is invalid.",
    "'a+b.example.com', Host format is invalid.",
  })
  void hostFormat(String route, String problem) {
    assertThat(singleError(withRoute(route)))
        .isEqualTo(forApp("a", "For route '" + route + "': " + problem));
  }

  @Test
  void hostOfMoreThan63Characters() {
    String host = "h".repeat(64);
    assertThat(singleError(withRoute(host + ".example.com")))
        .isEqualTo(forApp("a", "For route '" + host + ".example.com': Host format is invalid."));
  }

  @Test
  void hostAndDomainAtMost253Characters() {
    String domain =
        String.join(".", "d".repeat(50), "e".repeat(50), "f".repeat(50), "g".repeat(50)) + ".com";
    String route = "h".repeat(50) + "." + domain;
    Compilation compilation =
        compile(
            withRoute(route),
            CompilerFixtures.settings().withDomains(List.of(DomainSpec.shared(domain))));
    assertThat(errors(compilation))
        .containsExactly(
            forApp(
                "a",
                "For route '"
                    + route
                    + "': Host combined with domain name must be no more than 253 characters."));
  }

  @Test
  void pathRules() {
    String longPath = "/" + "p".repeat(128);
    assertThat(singleError(withRoute("a.example.com" + longPath)))
        .contains("For route 'a.example.com");
    assertThat(routeKeys(compileValid(withRoute("a.example.com/" + "p".repeat(127))))).hasSize(1);
  }

  @Test
  void everyRouteErrorIsReportedAtItsRoute() {
    Compilation compilation =
        compile(
            withRoutes(
                "  - route: ok.example.com\n  - route: example\n  - route: ftp://x.example.com\n"
                    + "  - route: y.example.com\n    protocol: spdy\n"));
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "5:12: " + forApp("a", "The route 'example' is not a properly formed URL"),
            "6:12: " + forApp("a", "The route 'ftp://x.example.com' is not a properly formed URL"),
            "8:15: " + forApp("a", "Route protocol must be 'http1', 'http2' or 'tcp'."));
  }

  @Test
  void everyApplyTimeRouteErrorIsReportedToo() {
    Compilation compilation =
        compile(
            withRoutes(
                "  - route: x.unknown.org\n  - route: ok.example.com\n"
                    + "  - route: '*.apps.internal'\n"));
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "4:12: " + forApp("a", "No domains exist for route x.unknown.org"),
            "6:12: "
                + forApp(
                    "a",
                    "For route '*.apps.internal': Wildcard hosts are not supported for internal"
                        + " domains."));
  }

  @Test
  void defaultRouteIsNameOnTheDefaultDomain() {
    CFRoute route = routes(compileValid("applications:\n- name: my-app\n")).get(0);
    assertThat(route.getSpec().getHost()).isEqualTo("my-app");
    assertThat(route.getSpec().getDomain()).isEqualTo(CompilerFixtures.DEFAULT_DOMAIN);
    assertThat(route.getSpec().getProtocol()).isEqualTo("http1");
    assertThat(route.getSpec().getDestinations()).hasSize(1);
    assertThat(route.getSpec().getDestinations().get(0).getProcessType()).isEqualTo("web");
  }

  @Test
  void theFirstDomainIsTheDefault() {
    Compilation compilation =
        compile(
            "applications:\n- name: a\n",
            CompilerFixtures.settings()
                .withDomains(List.of(DomainSpec.shared("first.org"), DomainSpec.shared("b.org"))));
    assertThat(routeKeys(compilation)).containsExactly("a|first.org|||http1");
  }

  @Test
  void explicitDefaultRouteTrue() {
    assertThat(routeKeys(compileValid("applications:\n- name: a\n  default-route: true\n")))
        .containsExactly("a|apps.example.com|||http1");
  }

  @Test
  void explicitRoutesReplaceTheDefaultRoute() {
    assertThat(routeKeys(compileValid(withRoute("b.example.com"))))
        .containsExactly("b|example.com|||http1");
  }

  @Test
  void defaultRouteNeedsAValidHost() {
    assertThat(singleError("applications:\n- name: my.app\n"))
        .isEqualTo(
            forApp(
                "my.app",
                "Failed to create default route from app name: Host must be either \"*\" or"
                    + " contain only alphanumeric characters, \"_\", or \"-\""));
    String longName = "n".repeat(64);
    assertThat(singleError("applications:\n- name: " + longName + "\n"))
        .isEqualTo(
            forApp(
                longName,
                "Failed to create default route from app name: Host cannot exceed 63 characters"));
  }

  @Test
  void noRouteWinsOverEverything() {
    Compilation compilation =
        compileValid(
            "applications:\n- name: a\n  no-route: true\n  random-route: true\n"
                + "  routes:\n  - route: b.example.com\n");
    assertThat(routes(compilation)).isEmpty();
  }

  @Test
  void noRouteFalseIsTheDefault() {
    assertThat(routeKeys(compileValid("applications:\n- name: a\n  no-route: false\n")))
        .containsExactly("a|apps.example.com|||http1");
  }

  @Test
  void randomRouteIsStableAcrossCompiles() {
    String manifest = "applications:\n- name: api\n  random-route: true\n";
    Compilation first = compileValid(manifest);
    Compilation second = compileValid(manifest);
    assertThat(routeKeys(first)).hasSize(1);
    assertThat(routes(first).get(0).getSpec().getHost()).matches("api-[a-z]+-[a-z]+-[a-z]{2}");
    assertThat(routes(first).get(0).getSpec().getDomain()).isEqualTo("apps.example.com");
    assertThat(routeKeys(second)).isEqualTo(routeKeys(first));
    assertThat(json(second)).isEqualTo(json(first));
  }

  @Test
  void randomRouteDiffersBetweenApps() {
    Compilation compilation =
        compileValid(
            "applications:\n- name: api\n  random-route: true\n- name: web\n  random-route: true\n");
    assertThat(routeKeys(compilation)).hasSize(2);
  }

  @Test
  void explicitRoutesWinOverRandomRoute() {
    assertThat(
            routeKeys(
                compileValid(
                    "applications:\n- name: a\n  random-route: true\n  routes:\n"
                        + "  - route: b.example.com\n")))
        .containsExactly("b|example.com|||http1");
  }

  @Test
  void randomAndDefaultRouteTogether() {
    assertThat(
            singleError("applications:\n- name: a\n  random-route: true\n  default-route: true\n"))
        .isEqualTo(forApp("a", "Random-route and default-route may not be used together"));
  }

  @Test
  void otherSpellingsOfRouteFlagsReachCloudControllerUntyped() {
    // The CLI only types the kebab-case keys; CC underscores every spelling and checks them.
    assertThat(singleError("applications:\n- name: a\n  no_route: 'true'\n"))
        .isEqualTo(forApp("a", "No-route must be a boolean"));
    assertThat(singleError("applications:\n- name: a\n  defaultRoute: 1\n"))
        .isEqualTo(forApp("a", "Default-route must be a boolean"));
    assertThat(routeKeys(compileValid("applications:\n- name: a\n  no_route: true\n"))).isEmpty();
    // The CLI did not see random-route, so it injected default-route: true as well.
    assertThat(singleError("applications:\n- name: a\n  random_route: true\n"))
        .isEqualTo(forApp("a", "Random-route and default-route may not be used together"));
  }

  @Test
  void routeFlagsMustBeBooleans() {
    assertThat(errors(compile("applications:\n- name: a\n  no-route: 'true'\n")))
        .singleElement()
        .asString()
        .startsWith("yaml: unmarshal errors:");
    assertThat(errors(compile("applications:\n- name: a\n  random-route: 1\n")))
        .singleElement()
        .asString()
        .startsWith("yaml: unmarshal errors:");
  }

  @Test
  void sameRouteTwiceInOneAppIsOneRoute() {
    Compilation compilation =
        compileValid(withRoutes("  - route: a.example.com\n  - route: A.example.com\n"));
    assertThat(routes(compilation)).hasSize(1);
    assertThat(routes(compilation).get(0).getSpec().getDestinations()).hasSize(1);
  }
}
