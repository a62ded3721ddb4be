package dev.gitfoundry.operator.workload;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** Labels and annotations the workload reconcilers read and write. */
public final class WorkloadLabels {
  /** Annotation on a child naming its owning resource, as {@code Kind namespace/name}. */
  public static final String OWNER = Labels.PREFIX + "owner";

  /** Label telling children apart by role (e.g. {@code runtime} Secrets). */
  public static final String COMPONENT = Labels.PREFIX + "component";

  private WorkloadLabels() {}

  /** The CF GUID from {@link Labels#GUID} (or {@link Labels#APP_GUID}), else the object's uid. */
  public static String guid(HasMetadata resource) {
    Map<String, String> labels = resource.getMetadata().getLabels();
    if (labels != null && labels.get(Labels.GUID) != null) {
      return labels.get(Labels.GUID);
    }
    if (labels != null && labels.get(Labels.APP_GUID) != null) {
      return labels.get(Labels.APP_GUID);
    }
    return resource.getMetadata().getUid();
  }

  public static String ownerValue(HasMetadata resource) {
    return resource.getKind()
        + " "
        + resource.getMetadata().getNamespace()
        + "/"
        + resource.getMetadata().getName();
  }
}
