package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.Map;
import java.util.Objects;

/**
 * A service bound to the app: a Secret of that name in the space namespace, projected into
 * VCAP_SERVICES.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceBinding {
  @JsonProperty("name")
  @JsonPropertyDescription(
      "Service instance name, and the name of the Secret holding its credentials.")
  @Required
  private String name;

  @JsonProperty("bindingName")
  @JsonPropertyDescription("Binding name shown to the app; defaults to the service name.")
  private String bindingName;

  @JsonProperty("parameters")
  @JsonPropertyDescription("Arbitrary binding parameters from the manifest.")
  @PreserveUnknownFields
  @SchemaFrom(type = Object.class)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, Object> parameters;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getBindingName() {
    return bindingName;
  }

  public void setBindingName(String bindingName) {
    this.bindingName = bindingName;
  }

  public Map<String, Object> getParameters() {
    return parameters;
  }

  public void setParameters(Map<String, Object> parameters) {
    this.parameters = parameters;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ServiceBinding other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(name, other.name)
        && Objects.equals(bindingName, other.bindingName)
        && Objects.equals(parameters, other.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, bindingName, parameters);
  }
}
