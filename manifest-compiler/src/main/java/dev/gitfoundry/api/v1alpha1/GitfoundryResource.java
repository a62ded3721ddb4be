package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Objects;

/**
 * Base of the Gitfoundry custom resources: apiVersion, kind, metadata, spec and status.
 *
 * <p>fabric8's {@code CustomResource} lives in kubernetes-client-api, which this module must not
 * depend on; this class provides the same shape using the model only. The fabric8 client,
 * java-operator-sdk and the CRD generator accept any namespaced {@link HasMetadata} annotated with
 * {@code @Group} and {@code @Version}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class) // not the generic KubernetesDeserializer
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public abstract class GitfoundryResource<S, T extends ResourceStatus>
    implements HasMetadata, Namespaced {
  /** API group of every Gitfoundry resource. */
  public static final String GROUP = "gitfoundry.dev";

  /** API version of these classes. */
  public static final String VERSION = "v1alpha1";

  /** {@code apiVersion} value of these classes. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  @JsonProperty("apiVersion")
  private String apiVersion = HasMetadata.getApiVersion(getClass());

  @JsonProperty("kind")
  private String kind = HasMetadata.getKind(getClass());

  @JsonProperty("metadata")
  private ObjectMeta metadata = new ObjectMeta();

  @JsonProperty("spec")
  private S spec;

  @JsonProperty("status")
  private T status;

  protected GitfoundryResource(S spec) {
    this.spec = spec;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  @Override
  public ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata;
  }

  public S getSpec() {
    return spec;
  }

  public void setSpec(S spec) {
    this.spec = spec;
  }

  public T getStatus() {
    return status;
  }

  public void setStatus(T status) {
    this.status = status;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitfoundryResource<?, ?> other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(spec, other.spec)
        && Objects.equals(status, other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, spec, status);
  }

  @Override
  public String toString() {
    ObjectMeta m = metadata == null ? new ObjectMeta() : metadata;
    return kind + "/" + m.getNamespace() + "/" + m.getName();
  }
}
