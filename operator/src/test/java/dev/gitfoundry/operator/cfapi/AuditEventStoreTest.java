package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditEventStoreTest {
  private static ObjectNode event(String guid, Instant at, int padding) {
    ObjectNode event = CfJson.object();
    event.put("guid", guid);
    event.put("created_at", at.toString());
    event.put("padding", "x".repeat(padding));
    return event;
  }

  private static List<String> guids(String stored) {
    return AuditEventStore.parse(stored).stream().map(e -> e.path("guid").asText()).toList();
  }

  @Test
  void newestFirstAndEachEventOnce() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    String stored =
        AuditEventStore.merge(null, List.of(event("a", t, 0), event("b", t.plusSeconds(1), 0)));
    String merged =
        AuditEventStore.merge(
            stored, List.of(event("b", t.plusSeconds(1), 0), event("c", t.plusSeconds(2), 0)));
    assertThat(guids(merged)).containsExactly("c", "b", "a");
  }

  @Test
  void theOldestGoFirstBeyondTheBounds() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    List<ObjectNode> many = new ArrayList<>();
    for (int i = 0; i < AuditEventStore.MAX_EVENTS + 10; i++) {
      many.add(event("e" + i, t.plusSeconds(i), 0));
    }
    List<JsonNode> kept = AuditEventStore.parse(AuditEventStore.merge(null, many));
    assertThat(kept).hasSize(AuditEventStore.MAX_EVENTS);
    assertThat(kept.get(0).path("guid").asText()).isEqualTo("e" + (AuditEventStore.MAX_EVENTS + 9));

    List<ObjectNode> big = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      big.add(event("big" + i, t.plusSeconds(i), 10_000));
    }
    String bounded = AuditEventStore.merge(null, big);
    assertThat(bounded.length()).isLessThanOrEqualTo(AuditEventStore.MAX_BYTES);
    assertThat(guids(bounded)).first().isEqualTo("big99");
  }

  @Test
  void aDamagedValueReadsAsNoEvents() {
    assertThat(AuditEventStore.parse("{not json")).isEmpty();
    assertThat(AuditEventStore.parse("{\"a\":1}")).isEmpty();
    assertThat(AuditEventStore.parse(null)).isEmpty();
  }
}
