package dev.gitfoundry.operator.workload.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.HealthCheck;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTemplateTest {
  @Test
  void webDefaultsToAPortCheckAndOtherTypesToNone() {
    var web = ProcessTemplate.app(process("web"), "img", "rt", List.of());
    assertThat(web.getLivenessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
    assertThat(web.getReadinessProbe()).isNull();
    assertThat(web.getStartupProbe()).isNull();

    var worker = ProcessTemplate.app(process("worker"), "img", "rt", List.of());
    assertThat(worker.getLivenessProbe()).isNull();
  }

  @Test
  void httpCheckMapsEndpointTimeoutsAndStartupBudget() {
    ProcessSpec process = process("web");
    HealthCheck check = new HealthCheck();
    check.setType("http");
    check.setEndpoint("/healthz");
    check.setInvocationTimeoutSeconds(3);
    check.setIntervalSeconds(10);
    process.setHealthCheck(check);
    process.setTimeoutSeconds(9);
    process.setCommand("bundle exec rackup");

    var container = ProcessTemplate.app(process, "img", "rt", List.of());

    assertThat(container.getCommand()).containsExactly("/bin/sh", "-c", "bundle exec rackup");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getLivenessProbe().getTimeoutSeconds()).isEqualTo(3);
    assertThat(container.getLivenessProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getStartupProbe().getPeriodSeconds()).isEqualTo(2);
    assertThat(container.getStartupProbe().getFailureThreshold()).isEqualTo(5);
  }

  @Test
  void quantitiesAreWrittenInCanonicalForm() {
    assertThat(ProcessTemplate.mebibytes(256)).isEqualTo(new Quantity("256Mi"));
    assertThat(ProcessTemplate.mebibytes(1024)).isEqualTo(new Quantity("1Gi"));
    assertThat(ProcessTemplate.mebibytes(1536)).isEqualTo(new Quantity("1536Mi"));
  }

  private static ProcessSpec process(String type) {
    ProcessSpec process = new ProcessSpec();
    process.setType(type);
    process.setInstances(1);
    return process;
  }
}
