package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** The Git forge hosting the repository, used for commit statuses, pull requests and webhooks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ForgeSpec {
  @JsonProperty("type")
  @JsonPropertyDescription("Forge kind: gitea, github, or none (no commit statuses, no previews).")
  @Required
  private ForgeType type;

  @JsonProperty("apiUrl")
  @JsonPropertyDescription("Base URL of the forge API; derived from spec.url when unset.")
  private String apiUrl;

  @JsonProperty("tokenSecretRef")
  @JsonPropertyDescription(
      "Secret key holding the forge API token used to post commit statuses and list pull requests.")
  private SecretKeyRef tokenSecretRef;

  @JsonProperty("webhookSecretRef")
  @JsonPropertyDescription(
      "Secret key holding the shared secret that signs incoming webhooks (HMAC).")
  private SecretKeyRef webhookSecretRef;

  @JsonProperty("statusContext")
  @JsonPropertyDescription("Commit status context posted on every commit of the branch.")
  @Default("gitfoundry")
  private String statusContext;

  public ForgeType getType() {
    return type;
  }

  public void setType(ForgeType type) {
    this.type = type;
  }

  public String getApiUrl() {
    return apiUrl;
  }

  public void setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl;
  }

  public SecretKeyRef getTokenSecretRef() {
    return tokenSecretRef;
  }

  public void setTokenSecretRef(SecretKeyRef tokenSecretRef) {
    this.tokenSecretRef = tokenSecretRef;
  }

  public SecretKeyRef getWebhookSecretRef() {
    return webhookSecretRef;
  }

  public void setWebhookSecretRef(SecretKeyRef webhookSecretRef) {
    this.webhookSecretRef = webhookSecretRef;
  }

  public String getStatusContext() {
    return statusContext;
  }

  public void setStatusContext(String statusContext) {
    this.statusContext = statusContext;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ForgeSpec other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(type, other.type)
        && Objects.equals(apiUrl, other.apiUrl)
        && Objects.equals(tokenSecretRef, other.tokenSecretRef)
        && Objects.equals(webhookSecretRef, other.webhookSecretRef)
        && Objects.equals(statusContext, other.statusContext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, apiUrl, tokenSecretRef, webhookSecretRef, statusContext);
  }
}
