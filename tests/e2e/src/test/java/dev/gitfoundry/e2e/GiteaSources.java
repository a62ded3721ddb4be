package dev.gitfoundry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GiteaServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GitSources on the Gitea fixture as the end-to-end tests set them up: the forge token (and
 * optionally a webhook secret) in a Secret named {@value #SECRET}, and commit statuses read back.
 */
public final class GiteaSources {
  public static final String SECRET = "forge";

  private GiteaSources() {}

  /** The Secret a source's forge settings point at; {@code webhookSecret} may be null. */
  public static void createSecret(
      KubernetesClient client, String namespace, GiteaServer gitea, String webhookSecret) {
    Map<String, String> data = new HashMap<>(Map.of("token", gitea.token()));
    if (webhookSecret != null) {
      data.put("secret", webhookSecret);
    }
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(SECRET)
                .withNamespace(namespace)
                .endMetadata()
                .withStringData(data)
                .build())
        .create();
  }

  /** Branch main of {@code url}, posting statuses to Gitea; webhooks verified when asked. */
  public static GitSource gitSource(
      String namespace,
      String name,
      String url,
      GiteaServer gitea,
      String interval,
      boolean webhooks) {
    GitSource source = new GitSource();
    source.getMetadata().setName(name);
    source.getMetadata().setNamespace(namespace);
    GitSourceSpec spec = new GitSourceSpec();
    spec.setUrl(url);
    spec.setBranch("main");
    spec.setInterval(interval);
    ForgeSpec forge = new ForgeSpec();
    forge.setType(ForgeType.GITEA);
    forge.setApiUrl(gitea.apiUrl());
    forge.setTokenSecretRef(key("token"));
    if (webhooks) {
      forge.setWebhookSecretRef(key("secret"));
    }
    spec.setForge(forge);
    source.setSpec(spec);
    return source;
  }

  /**
   * The newest status on {@code sha} (Gitea orders by time at one-second resolution; ids don't).
   */
  public static JsonNode latestStatus(GiteaServer gitea, String repo, String sha) {
    return gitea.commitStatuses(repo, sha).stream()
        .max(Comparator.comparingLong(s -> s.get("id").asLong()))
        .orElse(null);
  }

  public static void awaitState(
      GiteaServer gitea, String repo, String sha, String state, Duration timeout) {
    Await.until(
        "commit status " + state + " on " + sha,
        timeout,
        () -> {
          JsonNode latest = latestStatus(gitea, repo, sha);
          return latest != null && state.equals(latest.get("status").asText());
        });
  }

  /** How often each {@code "<state> <description>"} was posted on {@code sha}. */
  public static Map<String, Long> postedCounts(GiteaServer gitea, String repo, String sha) {
    return gitea.commitStatuses(repo, sha).stream()
        .collect(
            Collectors.groupingBy(
                s -> s.get("status").asText() + " " + s.get("description").asText(),
                Collectors.counting()));
  }

  private static SecretKeyRef key(String key) {
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName(SECRET);
    ref.setKey(key);
    return ref;
  }
}
