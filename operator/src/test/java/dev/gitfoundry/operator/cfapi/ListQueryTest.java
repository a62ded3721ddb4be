package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryTest {
  private static final String BASE = "http://api.example";

  private static ObjectNode resource(String name, String created, String env) {
    ObjectNode json = CfJson.object().put("guid", name + "-guid").put("name", name);
    json.put("created_at", created);
    json.set("metadata", CfJson.metadata(env == null ? Map.of() : Map.of("env", env), null));
    return json;
  }

  private static final List<ObjectNode> APPS =
      List.of(
          resource("charlie", "2026-01-03T00:00:00Z", "prod"),
          resource("alpha", "2026-01-01T00:00:00Z", "dev"),
          resource("bravo", "2026-01-02T00:00:00Z", null));

  private static CfRequest request(String query) {
    return new CfRequest("GET", "/v3/apps", CfRequest.parseQuery(query), BASE);
  }

  private static List<String> names(ObjectNode body) {
    return body.path("resources").findValuesAsText("name");
  }

  @Test
  void commaListsMeanOrAndUnknownKeysAreIgnored() {
    ObjectNode body =
        new ListQuery()
            .field("names", "name")
            .respond(request("names=alpha,charlie&bogus=1"), APPS);
    assertThat(names(body)).containsExactly("alpha", "charlie");
  }

  @Test
  void escapedCommasStayInsideOneName() {
    CfRequest request = request("names=a%252Cb,c");
    assertThat(request.list("names")).containsExactly("a,b", "c");
  }

  @Test
  void ordersByNameDescending() {
    ObjectNode body = new ListQuery().respond(request("order_by=-name"), APPS);
    assertThat(names(body)).containsExactly("charlie", "bravo", "alpha");
  }

  @Test
  void pagesHaveAbsoluteLinksKeepingTheFilters() {
    ObjectNode body =
        new ListQuery()
            .field("names", "name")
            .respond(request("order_by=name&per_page=1&page=2"), APPS);
    assertThat(names(body)).containsExactly("bravo");
    assertThat(body.at("/pagination/total_results").asInt()).isEqualTo(3);
    assertThat(body.at("/pagination/total_pages").asInt()).isEqualTo(3);
    assertThat(body.at("/pagination/next/href").asText())
        .isEqualTo(BASE + "/v3/apps?order_by=name&page=3&per_page=1");
    assertThat(body.at("/pagination/previous/href").asText()).endsWith("page=1&per_page=1");
    assertThat(body.at("/pagination/last/href").asText()).endsWith("page=3&per_page=1");
  }

  @Test
  void theLastPageHasNoNext() {
    ObjectNode body = new ListQuery().respond(request(""), APPS);
    assertThat(body.at("/pagination/next").isNull()).isTrue();
    assertThat(body.at("/pagination/total_pages").asInt()).isEqualTo(1);
  }

  @Test
  void labelSelectorsFilterOnCfLabels() {
    assertThat(names(new ListQuery().respond(request("label_selector=env%3Dprod"), APPS)))
        .containsExactly("charlie");
    assertThat(names(new ListQuery().respond(request("label_selector=env+in+(dev,prod)"), APPS)))
        .containsExactlyInAnyOrder("alpha", "charlie");
    assertThat(names(new ListQuery().respond(request("label_selector=!env"), APPS)))
        .containsExactly("bravo");
    assertThat(names(new ListQuery().respond(request("label_selector=env!%3Ddev"), APPS)))
        .containsExactlyInAnyOrder("bravo", "charlie");
  }
}
