package dev.gitfoundry.operator.workload;

import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitfoundryResource;
import dev.gitfoundry.api.v1alpha1.ResourceStatus;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records a Kubernetes Event on a resource when its Ready condition changes status or reason. */
public final class WorkloadEvents {
  private static final Logger LOG = LoggerFactory.getLogger(WorkloadEvents.class);
  private static final String COMPONENT = "gitfoundry-workloads";

  private final Clock clock;

  public WorkloadEvents(Clock clock) {
    this.clock = clock;
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
    record(client, resource, readiness.isReady() ? "Normal" : "Warning", readiness);
  }

  private void record(
      KubernetesClient client, HasMetadata resource, String type, Readiness readiness) {
    var meta = resource.getMetadata();
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withGenerateName(meta.getName() + ".")
            .withNamespace(meta.getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(resource.getApiVersion())
                    .withKind(resource.getKind())
                    .withName(meta.getName())
                    .withNamespace(meta.getNamespace())
                    .withUid(meta.getUid())
                    .build())
            .withType(type)
            .withReason(readiness.reason())
            .withMessage(truncate(readiness.message()))
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource(COMPONENT, null)
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy; failing to record one must not fail the reconcile.
      LOG.debug("could not record event on {}: {}", resource, e.getMessage());
    }
  }

  private static String truncate(String message) {
    return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
  }
}
