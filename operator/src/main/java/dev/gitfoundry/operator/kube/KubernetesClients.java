package dev.gitfoundry.operator.kube;

import dev.gitfoundry.operator.config.Tuning;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** The API client the operator runs with: kubeconfig or in-cluster config, and its request rate. */
public final class KubernetesClients {
  private KubernetesClients() {}

  public static KubernetesClient create(Tuning tuning) {
    KubernetesClientBuilder builder = new KubernetesClientBuilder();
    if (tuning.kubeApiQps() > 0) {
      ApiRateLimit limit = new ApiRateLimit(tuning.kubeApiQps(), tuning.kubeApiBurst());
      builder.withHttpClientBuilderConsumer(
          http -> http.addOrReplaceInterceptor("gitfoundry-rate-limit", limit));
    }
    return builder.build();
  }
}
