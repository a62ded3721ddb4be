package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.gitsync.CommitInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionEndpointsTest {
  @Test
  void aRevisionIsTheCommitThatChangedTheApp() {
    CommitInfo commit =
        new CommitInfo(
            "fedcba9876543210fedcba9876543210fedcba98",
            "Bump memory",
            "Jane",
            "jane@example.com",
            null);
    ObjectNode event =
        AppAuditEvents.of(
            Samples.source(),
            "main@sha1:" + commit.sha(),
            commit,
            new AppChange(
                AppChange.CHANGED,
                "acme",
                "prod",
                "web",
                "acme-prod",
                "web",
                List.of("processes[web].memoryMB")),
            null,
            new AppAuditEvents.Placement(Samples.APP_GUID, "s", "prod", "o", "acme"),
            Instant.parse("2026-03-01T10:00:00Z"));
    ObjectNode revision = RevisionEndpoints.revision(Samples.APP_GUID, 2, event, "http://api");
    assertThat(revision.path("version").asInt()).isEqualTo(2);
    assertThat(revision.path("description").asText()).isEqualTo("Bump memory");
    assertThat(revision.path("deployable").asBoolean()).isTrue();
    assertThat(revision.path("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(revision.path("metadata").path("annotations").path("gitfoundry.dev/commit").asText())
        .isEqualTo(commit.sha());
    assertThat(revision.path("metadata").path("annotations").path("gitfoundry.dev/author").asText())
        .isEqualTo("jane@example.com");
    assertThat(revision.path("links").has("environment_variables")).isFalse();
    assertThat(RevisionEndpoints.revision(Samples.APP_GUID, 2, event, "http://api").path("guid"))
        .as("stable")
        .isEqualTo(revision.path("guid"));
  }
}
