package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compileTree;
import static dev.gitfoundry.compiler.CompilerFixtures.routes;
import static dev.gitfoundry.compiler.CompilerFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks across manifests: duplicate apps, routes claimed by two spaces, shared routes. */
class CollisionTest {

  @Test
  void theSameAppTwiceInASpaceIsAnErrorOnBoth() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/manifest.yml", "applications:\n- name: api\n  no-route: true\n",
                "acme/prod/v2/manifest.yml", "applications:\n- name: api\n  no-route: true\n"));
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.objects()).isEmpty();
    assertThat(compilation.errors())
        .extracting(d -> d.file() + ":" + d.line())
        .containsExactly("acme/prod/manifest.yml:2", "acme/prod/v2/manifest.yml:2");
    assertThat(compilation.errors())
        .allSatisfy(
            d -> {
              assertThat(d.message()).contains("'api'").contains("more than once");
              assertThat(d.app()).isEqualTo("api");
            });
  }

  @Test
  void theSameAppTwiceInOneManifest() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/manifest.yml",
                "applications:\n- name: api\n  no-route: true\n- name: api\n  no-route: true\n"));
    assertThat(compilation.errors()).extracting(Diagnostic::line).containsExactly(2, 4);
  }

  @Test
  void theSameAppNameInTwoSpacesIsFine() {
    valid(
        compileTree(
            Map.of(
                "acme/prod/manifest.yml", "applications:\n- name: api\n  random-route: true\n",
                "acme/dev/manifest.yml", "applications:\n- name: api\n  no-route: true\n")));
  }

  @Test
  void aRouteClaimedByTwoSpacesIsAnErrorOnBoth() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/manifest.yml",
                "applications:\n- name: a\n  routes:\n  - route: shop.example.com\n",
                "acme/dev/manifest.yml",
                "applications:\n- name: b\n  routes:\n  - route: shop.example.com\n"));
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.errors())
        .extracting(d -> d.file() + ":" + d.line())
        .containsExactly("acme/dev/manifest.yml:2", "acme/prod/manifest.yml:2");
    assertThat(compilation.errors())
        .allSatisfy(
            d ->
                assertThat(d.message())
                    .contains("Routes cannot be mapped to destinations in different spaces")
                    .contains("shop.example.com"));
  }

  @Test
  void defaultRoutesOfSameNamedAppsInTwoSpacesCollide() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/manifest.yml", "applications:\n- name: api\n",
                "globex/prod/manifest.yml", "applications:\n- name: api\n"));
    // Both default to api.apps.example.com; cf would fail the second push.
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.errors()).hasSize(2);
  }

  @Test
  void oneRouteForTwoAppsInOneSpaceHasTwoDestinations() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/blue/manifest.yml",
                    "applications:\n- name: blue\n  routes:\n  - route: shop.example.com\n",
                    "acme/prod/green/manifest.yml",
                    "applications:\n- name: green\n  routes:\n  - route: shop.example.com\n")));
    assertThat(routes(compilation)).hasSize(1);
    CFRoute route = routes(compilation).get(0);
    assertThat(route.getSpec().getHost()).isEqualTo("shop");
    assertThat(route.getSpec().getDestinations())
        .extracting(RouteDestination::getAppName)
        .containsExactly("blue", "green");
  }

  @Test
  void oneRouteWithDifferentProtocolsPerAppIsStillOneObject() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/manifest.yml",
                    "applications:\n- name: a\n  routes:\n  - route: shop.example.com\n"
                        + "- name: b\n  routes:\n  - route: shop.example.com\n"
                        + "    protocol: http2\n")));
    assertThat(routes(compilation)).hasSize(1);
    assertThat(routes(compilation).get(0).getSpec().getDestinations())
        .extracting(d -> d.getAppName() + ":" + d.getProtocol())
        .containsExactly("a:http1", "b:http2");
    assertThat(compilation.objects())
        .extracting(
            o ->
                o.getKind()
                    + "/"
                    + o.getMetadata().getNamespace()
                    + "/"
                    + o.getMetadata().getName())
        .doesNotHaveDuplicates();
  }

  @Test
  void routesWhoseNamesCleanUpAlikeGetDistinctObjects() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/manifest.yml",
                    "applications:\n- name: a\n  routes:\n  - route: x.apps.example.com\n"
                        + "  - route: shop.example.com/b/c\n"
                        + "- name: b\n  routes:\n  - route: x-apps.example.com\n"
                        + "  - route: shop.example.com/b.c\n")));
    assertThat(routes(compilation)).hasSize(4);
    assertThat(routes(compilation))
        .extracting(r -> r.getMetadata().getName())
        .doesNotHaveDuplicates()
        .allSatisfy(
            n ->
                assertThat(n).matches("^[a-z]([-a-z0-9]*[a-z0-9])?$").hasSizeLessThanOrEqualTo(63));
  }

  @Test
  void orgsAndSpacesThatWouldShareANamespaceAreRefused() {
    Compilation compilation =
        compileTree(
            Map.of(
                "a-b/c/manifest.yml", "applications:\n- name: x\n  no-route: true\n",
                "a/b-c/manifest.yml", "applications:\n- name: y\n  no-route: true\n"));
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.errors())
        .anySatisfy(
            d ->
                assertThat(d.message())
                    .contains("namespace 'a-b-c'")
                    .contains("a-b/c")
                    .contains("a/b-c"));
  }

  @Test
  void differentPathsAreDifferentRoutes() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/manifest.yml",
                    "applications:\n- name: a\n  routes:\n  - route: shop.example.com/a\n"
                        + "- name: b\n  routes:\n  - route: shop.example.com/b\n")));
    assertThat(routes(compilation)).hasSize(2);
    assertThat(routes(compilation))
        .extracting(r -> r.getMetadata().getName())
        .doesNotHaveDuplicates();
  }
}
