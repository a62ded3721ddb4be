package dev.gitfoundry.operator.events;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kubernetes Events (core/v1, which the chart's RBAC grants and {@code kubectl describe}
 * shows) on the operator's resources. Callers decide when an event is worth recording (a condition
 * transition, a new revision); this class only writes it, so every controller's events look alike.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int MAX_MESSAGE = 1024;

  /** The two event types Kubernetes knows. */
  public enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String value;

    Type(String value) {
      this.value = value;
    }
  }

  private final String component;
  private final Clock clock;

  /**
   * @param component shown as the event's source ({@code From} in {@code kubectl describe})
   */
  public EventRecorder(String component, Clock clock) {
    this.component = component;
    this.clock = clock;
  }

  public void record(
      KubernetesClient client, HasMetadata resource, Type type, String reason, String message) {
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
            .withType(type.value)
            .withReason(reason)
            .withMessage(truncate(message == null ? "" : message))
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource(component, null)
            .withReportingComponent(component)
            .build();
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy; failing to record one must not fail the reconcile.
      LOG.debug("could not record event {} on {}: {}", reason, resource, e.getMessage());
    }
  }

  private static String truncate(String message) {
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
