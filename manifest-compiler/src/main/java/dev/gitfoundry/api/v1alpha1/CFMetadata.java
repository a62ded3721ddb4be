package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.Objects;

/** CF metadata (labels and annotations) shown by the CF API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFMetadata {
  @JsonProperty("labels")
  @JsonPropertyDescription("CF labels.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, String> labels;

  @JsonProperty("annotations")
  @JsonPropertyDescription("CF annotations.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, String> annotations;

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFMetadata other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(labels, other.labels) && Objects.equals(annotations, other.annotations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(labels, annotations);
  }
}
