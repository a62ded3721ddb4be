package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a CF route. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CFRouteStatus extends ResourceStatus {
  @JsonProperty("url")
  @JsonPropertyDescription("URL of the route.")
  private String url;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CFRouteStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return super.equals(o) && Objects.equals(url, other.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), url);
  }
}
