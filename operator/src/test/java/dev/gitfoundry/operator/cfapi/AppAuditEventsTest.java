package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.gitsync.CommitInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppAuditEventsTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00.456Z");
  private static final CommitInfo COMMIT =
      new CommitInfo(
          "0123456789abcdef0123456789abcdef01234567",
          "Scale web for the sale",
          "Jane Doe",
          "jane@example.com",
          Instant.parse("2026-03-01T09:59:00Z"));

  private static final AppAuditEvents.Placement PLACEMENT =
      new AppAuditEvents.Placement(Samples.APP_GUID, "space-guid", "prod", "org-guid", "acme");

  private static AppChange change(String action, String... fields) {
    return new AppChange(action, "acme", "prod", "web", "acme-prod", "web", List.of(fields));
  }

  @Test
  void anUpdateIsActedByTheAuthorAndDescribesWhatTheCliShows() {
    var app =
        Samples.app(
            "web", "acme-prod", Samples.process("web", 3, 256), Samples.process("worker", 2, 128));
    ObjectNode event =
        AppAuditEvents.of(
            Samples.source(),
            "main@sha1:" + COMMIT.sha(),
            COMMIT,
            change(
                AppChange.CHANGED,
                "processes[web].instances",
                "processes[web].memoryMB",
                "env.API_KEY",
                "processes[worker].healthCheck.type"),
            app,
            PLACEMENT,
            AT);

    assertThat(event.path("type").asText()).isEqualTo("audit.app.update");
    assertThat(event.path("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(event.path("actor").path("type").asText()).isEqualTo("user");
    assertThat(event.path("actor").path("name").asText()).isEqualTo("jane@example.com");
    assertThat(event.path("target").path("guid").asText()).isEqualTo(Samples.APP_GUID);
    assertThat(event.path("target").path("name").asText()).isEqualTo("web");
    ObjectNode request = (ObjectNode) event.path("data").path("request");
    assertThat(request.path("instances").asInt()).isEqualTo(3);
    assertThat(request.path("memory").asLong()).isEqualTo(256);
    assertThat(request.path("environment_json").asText()).isEqualTo("[PRIVATE DATA HIDDEN]");
    assertThat(request.toString()).doesNotContain("API_KEY");
    assertThat(event.path("data").path("commit").path("short_sha").asText()).isEqualTo("0123456");
    assertThat(event.path("data").path("commit").path("subject").asText())
        .isEqualTo("Scale web for the sale");
    assertThat(event.path("data").path("manifest").asText())
        .isEqualTo("acme/prod/web/manifest.yml");
    assertThat(event.path("data").path("repository").asText())
        .as("no credentials from the URL")
        .isEqualTo("https://git.example/acme/manifests.git");
    assertThat(request.has("command")).as("a health check is not described").isFalse();
    assertThat(event.path("data").path("changed_fields")).hasSize(4);
  }

  @Test
  void createAndDeleteNameTheAppAndItsSpace() {
    ObjectNode created =
        AppAuditEvents.of(
            Samples.source(), "main@sha1:a", COMMIT, change(AppChange.ADDED), null, PLACEMENT, AT);
    ObjectNode deleted =
        AppAuditEvents.of(
            Samples.source(),
            "main@sha1:b",
            COMMIT,
            change(AppChange.REMOVED),
            null,
            PLACEMENT,
            AT);
    assertThat(created.path("type").asText()).isEqualTo("audit.app.create");
    assertThat(created.path("data").path("request").path("name").asText()).isEqualTo("web");
    assertThat(deleted.path("type").asText()).isEqualTo("audit.app.delete-request");
    assertThat(deleted.path("target").path("guid").asText()).isEqualTo(Samples.APP_GUID);
    assertThat(deleted.path("guid").asText()).isNotEqualTo(created.path("guid").asText());
    assertThat(created.path("space").path("guid").asText()).isEqualTo("space-guid");
    assertThat(created.path("organization").path("name").asText()).isEqualTo("acme");
  }

  @Test
  void theSameRevisionGivesTheSameEventGuid() {
    ObjectNode once =
        AppAuditEvents.of(
            Samples.source(), "r", COMMIT, change(AppChange.ADDED), null, PLACEMENT, AT);
    ObjectNode again =
        AppAuditEvents.of(
            Samples.source(),
            "r",
            COMMIT,
            change(AppChange.ADDED),
            null,
            PLACEMENT,
            AT.plusSeconds(5));
    assertThat(again.path("guid").asText()).isEqualTo(once.path("guid").asText());
  }

  @Test
  void anAuthorWithoutEmailIsNamed() {
    CommitInfo anonymous = new CommitInfo("abc", "s", "Jane", "", null);
    ObjectNode event =
        AppAuditEvents.of(
            Samples.source(), "r", anonymous, change(AppChange.ADDED), null, PLACEMENT, AT);
    assertThat(event.path("actor").path("name").asText()).isEqualTo("Jane");
  }
}
