package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFOrgSpec;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.CFSpaceSpec;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.CommitInfo;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.KubeApi;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit trail against a real API server: what it stores, under concurrency, and reads back. */
class AuditTrailIT {
  private static KubeApi api;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    api = KubeApi.shared();
    client = api.client();
  }

  /** A source namespace with org acme and space prod (Namespace {@code <source>-prod}). */
  private static GitSource foundation(String spaceNamespace) {
    String home = api.createNamespace("audit-src");
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(spaceNamespace).endMetadata().build())
        .create();
    CFOrg org = new CFOrg();
    org.getMetadata().setName("acme");
    org.getMetadata().setNamespace(home);
    org.getMetadata().setLabels(Map.of(Labels.GUID, "org-guid"));
    CFOrgSpec orgSpec = new CFOrgSpec();
    orgSpec.setDisplayName("ACME");
    org.setSpec(orgSpec);
    client.resource(org).create();
    CFSpace space = new CFSpace();
    space.getMetadata().setName("acme-prod");
    space.getMetadata().setNamespace(home);
    space.getMetadata().setLabels(Map.of(Labels.GUID, "space-guid"));
    CFSpaceSpec spaceSpec = new CFSpaceSpec();
    spaceSpec.setDisplayName("prod");
    spaceSpec.setOrgName("acme");
    spaceSpec.setNamespace(spaceNamespace);
    space.setSpec(spaceSpec);
    client.resource(space).create();
    GitSource source = Samples.source();
    source.getMetadata().setNamespace(home);
    return source;
  }

  private static AppChange change(String action, String namespace, String app, String... fields) {
    return new AppChange(action, "ACME", "prod", app, namespace, app, List.of(fields));
  }

  private static CommitInfo commit(String sha, String author) {
    return new CommitInfo(sha, "change " + sha, author, author + "@example.com", null);
  }

  private static List<JsonNode> stored(String namespace) {
    ConfigMap configMap =
        client.configMaps().inNamespace(namespace).withName(AuditEventStore.NAME).get();
    return AuditEventStore.parse(configMap.getData().get(AuditEventStore.KEY));
  }

  @Test
  void eachRevisionIsRecordedInTheSpaceWithItsAuthorAndNewValues() {
    String namespace = "audit-" + System.nanoTime();
    GitSource source = foundation(namespace);
    CFApp web = Samples.app("web", namespace, Samples.process("web", 4, 512));
    web.getMetadata().setCreationTimestamp(null);
    web.getSpec().setOrgName("acme");
    web.getSpec().setSpaceName("acme-prod");
    client.resource(web).create();
    Clock clock = Clock.fixed(Instant.parse("2026-02-01T12:00:00Z"), ZoneOffset.UTC);
    AuditTrail trail = new AuditTrail(client, clock);

    trail.applied(
        source,
        "main@sha1:aaa",
        commit("aaa", "ann"),
        List.of(change(AppChange.ADDED, namespace, "web")));
    trail.applied(
        source,
        "main@sha1:bbb",
        commit("bbb", "bob"),
        List.of(change(AppChange.CHANGED, namespace, "web", "processes[web].instances")));
    // Delivered twice (e.g. a retried apply): recorded once.
    trail.applied(
        source,
        "main@sha1:bbb",
        commit("bbb", "bob"),
        List.of(change(AppChange.CHANGED, namespace, "web", "processes[web].instances")));
    trail.applied(
        source,
        "main@sha1:ccc",
        commit("ccc", "cy"),
        List.of(change(AppChange.REMOVED, namespace, "gone")));

    List<JsonNode> events = stored(namespace);
    assertThat(events)
        .extracting(e -> e.path("type").asText() + " " + e.path("actor").path("name").asText())
        .containsExactlyInAnyOrder(
            "audit.app.create ann@example.com",
            "audit.app.update bob@example.com",
            "audit.app.delete-request cy@example.com");
    JsonNode update =
        events.stream()
            .filter(e -> e.path("type").asText().equals("audit.app.update"))
            .findFirst()
            .orElseThrow();
    assertThat(update.path("data").path("request").path("instances").asInt()).isEqualTo(4);
    assertThat(update.path("target").path("guid").asText()).isEqualTo(Samples.APP_GUID);
    assertThat(update.path("space").path("guid").asText()).isEqualTo("space-guid");
    assertThat(update.path("space").path("name").asText()).isEqualTo("prod");
    assertThat(update.path("organization").path("name").asText()).isEqualTo("ACME");
  }

  @Test
  void concurrentWritersLoseNothingAndTheCacheReadsWhatWasWritten() throws Exception {
    String namespace = "audit-" + System.nanoTime();
    GitSource source = foundation(namespace);
    AuditTrail trail = new AuditTrail(client, Clock.systemUTC());
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String app = "app" + i;
      writes.add(
          CompletableFuture.runAsync(
              () ->
                  trail.applied(
                      source,
                      "main@sha1:" + app,
                      commit(app, "dev" + app),
                      List.of(change(AppChange.ADDED, namespace, app)))));
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
    assertThat(stored(namespace)).hasSize(8);

    try (AuditEventCache cache = new AuditEventCache(client)) {
      cache.start().get();
      Await.until(
          "the cache to hold 8 events",
          Duration.ofSeconds(30),
          () -> cache.eventsIn(namespace).size() == 8);
      trail.applied(
          source,
          "main@sha1:late",
          commit("late", "late"),
          List.of(change(AppChange.ADDED, namespace, "late")));
      Await.until(
          "the cache to see the ninth",
          Duration.ofSeconds(30),
          () -> cache.eventsIn(namespace).size() == 9);
    }
  }

  @Test
  void changesInASpaceThatIsGoneAreNotRecorded() {
    String namespace = "audit-" + System.nanoTime();
    GitSource source = foundation(namespace);
    AuditTrail trail = new AuditTrail(client, Clock.systemUTC());
    trail.applied(
        source,
        "main@sha1:ddd",
        commit("ddd", "dee"),
        List.of(
            new AppChange(
                AppChange.REMOVED, "acme", "acme-gone", "old", "acme-gone", "old", null)));
    assertThat(client.configMaps().inNamespace("acme-gone").withName(AuditEventStore.NAME).get())
        .isNull();
  }
}
