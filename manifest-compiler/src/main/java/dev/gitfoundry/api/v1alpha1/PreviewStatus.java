package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** One open pull-request preview. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PreviewStatus {
  @JsonProperty("number")
  @JsonPropertyDescription("Pull request number.")
  @Required
  private Integer number;

  @JsonProperty("headSha")
  @JsonPropertyDescription("Head commit of the pull request that is deployed.")
  private String headSha;

  @JsonProperty("namespaces")
  @JsonPropertyDescription("Namespaces created for this preview.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> namespaces;

  @JsonProperty("url")
  @JsonPropertyDescription("URL of the preview app.")
  private String url;

  @JsonProperty("state")
  @JsonPropertyDescription("Deployment state of the preview: pending, ready or failed.")
  private String state;

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public String getHeadSha() {
    return headSha;
  }

  public void setHeadSha(String headSha) {
    this.headSha = headSha;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PreviewStatus other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(number, other.number)
        && Objects.equals(headSha, other.headSha)
        && Objects.equals(namespaces, other.namespaces)
        && Objects.equals(url, other.url)
        && Objects.equals(state, other.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, headSha, namespaces, url, state);
  }
}
