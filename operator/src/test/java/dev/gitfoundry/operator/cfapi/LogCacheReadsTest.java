package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogCacheReadsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000000100Z");

  /** Two instances; each wrote three lines a second apart, the second instance 0.5 s later. */
  private final List<String> asked = new ArrayList<>();

  private final ContainerLogs logs =
      (pod, container, since, tail) -> {
        asked.add(pod.getMetadata().getName() + " since=" + since + " tail=" + tail);
        Instant first = pod.getMetadata().getName().equals("web-a") ? T0 : T0.plusMillis(500);
        List<ContainerLogs.Line> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          lines.add(
              new ContainerLogs.Line(
                  first.plusSeconds(i), pod.getMetadata().getName() + " line " + i));
        }
        return lines;
      };

  private final Pod a = Samples.pod("web-a", "web", "2026-01-01T00:00:00Z");
  private final Pod b = Samples.pod("web-b", "web", "2026-01-01T00:00:01Z");

  private JsonNode read(Map<String, String> query) {
    CfRequest request =
        new CfRequest(
            "GET",
            "/api/v1/read/" + Samples.APP_GUID,
            new java.util.LinkedHashMap<>(query),
            "http://x");
    ObjectNode body =
        new LogCacheReads(logs)
            .read(
                Samples.app("web", "acme-prod", Samples.process("web", 2, 64)),
                (guid, type) -> List.of(a, b),
                LogCacheReads.query(request, NOW));
    return body.path("envelopes").path("batch");
  }

  private static String text(JsonNode envelope) {
    return new String(
        Base64.getDecoder().decode(envelope.path("log").path("payload").asText()),
        StandardCharsets.UTF_8);
  }

  @Test
  void recentIsNewestFirstWithinTheLimitAsTheCliAsks() {
    JsonNode batch =
        read(
            Map.of(
                "descending", "true",
                "envelope_types", "LOG",
                "limit", "4",
                "start_time", "-6795364578871345152"));
    assertThat(batch).hasSize(4);
    assertThat(text(batch.get(0))).isEqualTo("web-b line 2");
    assertThat(text(batch.get(1))).isEqualTo("web-a line 2");
    assertThat(batch.get(0).path("instance_id").asText()).isEqualTo("1");
    assertThat(batch.get(0).path("source_id").asText()).isEqualTo(Samples.APP_GUID);
    assertThat(batch.get(0).path("tags").path("source_type").asText()).isEqualTo("APP/PROC/WEB");
    assertThat(batch.get(0).path("log").path("type").asText()).isEqualTo("OUT");
    assertThat(batch.get(0).path("timestamp").asText())
        .isEqualTo(Long.toString(LogCacheReads.nanos(T0.plusMillis(2500))));
    assertThat(asked).allMatch(a -> a.endsWith("since=null tail=4"));
    // Only the fields protojson knows: anything else makes the CLI fail.
    List<String> fields = new ArrayList<>();
    batch.get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("timestamp", "source_id", "instance_id", "tags", "log");
  }

  @Test
  void aWalkReadsAscendingFromItsStartInclusive() {
    long start = LogCacheReads.nanos(T0.plusSeconds(1));
    JsonNode batch = read(Map.of("envelope_types", "LOG", "start_time", Long.toString(start)));
    assertThat(batch)
        .extracting(LogCacheReadsTest::text)
        .containsExactly("web-a line 1", "web-b line 1", "web-a line 2", "web-b line 2");
    assertThat(asked).allMatch(a -> a.contains("since=2026-01-01T00:00:01.000000100Z"));
  }

  @Test
  void otherEnvelopeTypesAndTheFutureAreEmpty() {
    assertThat(read(Map.of("envelope_types", "GAUGE"))).isEmpty();
    assertThat(asked).isEmpty();
    assertThat(read(Map.of("start_time", Long.toString(LogCacheReads.nanos(NOW.plusSeconds(1))))))
        .isEmpty();
  }

  @Test
  void kubeletTimestampsAreParsed() {
    assertThat(
            PodLogs.parse(
                "2026-01-01T00:00:00.123456789Z hello world\n2026-01-01T00:00:01Z \n\nnot a line\n"))
        .containsExactly(
            new ContainerLogs.Line(Instant.parse("2026-01-01T00:00:00.123456789Z"), "hello world"),
            new ContainerLogs.Line(Instant.parse("2026-01-01T00:00:01Z"), ""));
  }
}
