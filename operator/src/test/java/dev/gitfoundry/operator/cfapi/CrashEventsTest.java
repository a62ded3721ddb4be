package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashEventsTest {
  private static Pod restarted(String name, String created, int exitCode, String reason) {
    Pod pod = Samples.pod(name, "web", created);
    pod.getStatus()
        .setContainerStatuses(
            List.of(
                new ContainerStatusBuilder()
                    .withName("app")
                    .withRestartCount(2)
                    .withNewLastState()
                    .withNewTerminated()
                    .withExitCode(exitCode)
                    .withReason(reason)
                    .withFinishedAt("2026-01-01T00:03:00Z")
                    .endTerminated()
                    .endLastState()
                    .withNewState()
                    .withNewRunning()
                    .endRunning()
                    .endState()
                    .build()));
    return pod;
  }

  @Test
  void aRestartedContainerIsOneCrashOfItsInstance() {
    var app = Samples.app("web", "acme-prod", Samples.process("web", 2, 64));
    Pod healthy = Samples.pod("web-a", "web", "2026-01-01T00:00:00Z");
    Pod crashed = restarted("web-b", "2026-01-01T00:01:00Z", 137, "OOMKilled");
    List<ObjectNode> events =
        CrashEvents.of(
            app,
            "space-guid",
            "org-guid",
            (appGuid, type) -> InstanceStates.ordered(List.of(crashed, healthy)));

    assertThat(events).hasSize(1);
    ObjectNode event = events.get(0);
    assertThat(event.path("type").asText()).isEqualTo("app.crash");
    assertThat(event.path("created_at").asText()).isEqualTo("2026-01-01T00:03:00Z");
    assertThat(event.path("actor").path("type").asText()).isEqualTo("app");
    assertThat(event.path("target").path("guid").asText()).isEqualTo(Samples.APP_GUID);
    assertThat(event.path("data").path("index").asInt()).as("second oldest instance").isEqualTo(1);
    assertThat(event.path("data").path("exit_status").asInt()).isEqualTo(137);
    assertThat(event.path("data").path("reason").asText()).isEqualTo("CRASHED");
    assertThat(event.path("data").path("exit_description").asText())
        .isEqualTo("APP/PROC/WEB: Exited with status 137 (OOMKilled)");
    assertThat(event.path("data").path("instance").asText()).isEqualTo("web-b");
    assertThat(event.path("data").path("cell_id").asText()).isEqualTo("node-1");
    assertThat(event.path("space").path("guid").asText()).isEqualTo("space-guid");
  }

  @Test
  void podsThatNeverStoppedHaveNoCrashes() {
    var app = Samples.app("web", "acme-prod", Samples.process("web", 1, 64));
    assertThat(
            CrashEvents.of(
                app,
                "s",
                "o",
                (g, t) -> List.of(Samples.pod("web-a", "web", "2026-01-01T00:00:00Z"))))
        .isEmpty();
  }
}
