package dev.gitfoundry.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTemplateTest {
  private final RouteTemplate status = RouteTemplate.of("/status/{namespace}/{source}/{sha}");

  @Test
  void aPathIsNamedByTheTemplateItMatches() {
    assertThat(status.match("/status/team/manifests/0123abcd"))
        .isEqualTo("/status/{namespace}/{source}/{sha}");
    assertThat(status.match("/status/team/manifests/0123abcd/"))
        .isEqualTo("/status/{namespace}/{source}/{sha}");
  }

  @Test
  void aPathThatMatchesNoTemplateIsUnmatchedNeverItself() {
    assertThat(status.match("/status/team/manifests")).isEqualTo(RouteTemplate.UNMATCHED);
    assertThat(status.match("/status/team//0123abcd")).isEqualTo(RouteTemplate.UNMATCHED);
    assertThat(status.match("/status/a/b/c/d")).isEqualTo(RouteTemplate.UNMATCHED);
    assertThat(status.match("")).isEqualTo(RouteTemplate.UNMATCHED);
  }

  @Test
  void theCfApiIsNamedByItsRoutes() {
    assertThat(CfApiRoutes.ROUTES.match("/")).isEqualTo("/");
    assertThat(CfApiRoutes.ROUTES.match("/v3/apps/5f0c-guid")).isEqualTo("/v3/apps/{guid}");
    assertThat(CfApiRoutes.ROUTES.match("/v3/apps/5f0c-guid/processes/web/stats"))
        .isEqualTo("/v3/apps/{guid}/processes/{type}/stats");
    assertThat(CfApiRoutes.ROUTES.match("/v3/apps/5f0c-guid/droplets/current"))
        .isEqualTo("/v3/apps/{guid}/droplets/current");
    assertThat(CfApiRoutes.ROUTES.match("/v3/no_such_resource")).isEqualTo(RouteTemplate.UNMATCHED);
    assertThat(CfApiRoutes.ROUTES.match("/wp-login.php")).isEqualTo(RouteTemplate.UNMATCHED);
  }
}
