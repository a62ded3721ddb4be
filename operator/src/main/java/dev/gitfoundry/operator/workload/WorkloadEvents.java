package dev.gitfoundry.operator.workload;

import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitfoundryResource;
import dev.gitfoundry.api.v1alpha1.ResourceStatus;
import dev.gitfoundry.operator.events.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Objects;

/** Records a Kubernetes Event on a resource when its Ready condition changes status or reason. */
public final class WorkloadEvents {
  private final EventRecorder recorder;

  public WorkloadEvents(Clock clock) {
    this.recorder = new EventRecorder("gitfoundry-workloads", clock);
  }

  public void onChange(
      KubernetesClient client, GitfoundryResource<?, ?> resource, Readiness readiness) {
    ResourceStatus status = resource.getStatus();
    var previous = status == null ? null : Conditions.get(status, Conditions.READY).orElse(null);
    String newStatus = readiness.isReady() ? Conditions.TRUE : Conditions.FALSE;
    if (previous != null
        && Objects.equals(previous.getStatus(), newStatus)
        && Objects.equals(previous.getReason(), readiness.reason())) {
      return;
    }
    recorder.record(
        client,
        resource,
        readiness.isReady() ? EventRecorder.Type.NORMAL : EventRecorder.Type.WARNING,
        readiness.reason(),
        readiness.message());
  }
}
