package dev.gitfoundry.operator.workload.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VcapTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void applicationCarriesCfFieldsWithoutInstanceSpecificOnes() throws Exception {
    JsonNode vcap =
        JSON.readTree(
            Vcap.application(
                "app-guid",
                "web",
                new Vcap.Placement("org-guid", "acme", "space-guid", "prod"),
                List.of("www.example.com"),
                256,
                1024,
                "http://cf.example.com"));

    assertThat(vcap.get("application_id").asText()).isEqualTo("app-guid");
    assertThat(vcap.get("application_name").asText()).isEqualTo("web");
    assertThat(vcap.get("name").asText()).isEqualTo("web");
    assertThat(vcap.get("organization_name").asText()).isEqualTo("acme");
    assertThat(vcap.get("space_id").asText()).isEqualTo("space-guid");
    assertThat(vcap.get("application_uris").get(0).asText()).isEqualTo("www.example.com");
    assertThat(vcap.get("uris")).isEqualTo(vcap.get("application_uris"));
    assertThat(vcap.get("limits").get("mem").asInt()).isEqualTo(256);
    assertThat(vcap.get("limits").get("disk").asInt()).isEqualTo(1024);
    assertThat(vcap.has("instance_index")).isFalse();
  }

  @Test
  void servicesAreUserProvidedEntriesNamedByBindingThenInstance() throws Exception {
    JsonNode services =
        JSON.readTree(
            Vcap.services(
                List.of(
                    new Vcap.BoundService("orders-db", "db", Map.of("uri", "postgres://x")),
                    new Vcap.BoundService("cache", null, Map.of()))));

    JsonNode first = services.get("user-provided").get(0);
    assertThat(first.get("name").asText()).isEqualTo("db");
    assertThat(first.get("instance_name").asText()).isEqualTo("orders-db");
    assertThat(first.get("binding_name").asText()).isEqualTo("db");
    assertThat(first.get("label").asText()).isEqualTo("user-provided");
    assertThat(first.get("tags").isArray()).isTrue();
    assertThat(first.get("credentials").get("uri").asText()).isEqualTo("postgres://x");
    JsonNode second = services.get("user-provided").get(1);
    assertThat(second.get("name").asText()).isEqualTo("cache");
    assertThat(second.get("binding_name").isNull()).isTrue();
    assertThat(Vcap.services(List.of())).isEqualTo("{}");
  }
}
