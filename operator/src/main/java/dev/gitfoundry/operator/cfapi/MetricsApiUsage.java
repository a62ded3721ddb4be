package dev.gitfoundry.operator.cfapi;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Usage from the resource metrics API ({@code metrics.k8s.io}, served by metrics-server), one list
 * per namespace and a few seconds: {@code cf app} asks once per process. Where the cluster does not
 * serve the API, every instance reads as unmeasured (the CLI shows zeros, as before).
 */
final class MetricsApiUsage implements PodUsage {
  private static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final KubernetesClient privileged;
  private final ExpiringCache<String, Map<String, Usage>> byNamespace;

  MetricsApiUsage(KubernetesClient privileged, Clock clock) {
    this.privileged = privileged;
    this.byNamespace = new ExpiringCache<>(FRESH_FOR, clock);
  }

  @Override
  public Optional<Usage> of(Pod pod) {
    String namespace = pod.getMetadata().getNamespace();
    return Optional.ofNullable(
        byNamespace.get(namespace, this::measure).get(pod.getMetadata().getName()));
  }

  private Map<String, Usage> measure(String namespace) {
    Map<String, Usage> usage = new HashMap<>();
    try {
      for (PodMetrics metrics : privileged.top().pods().metrics(namespace).getItems()) {
        usage.put(metrics.getMetadata().getName(), sum(metrics));
      }
    } catch (KubernetesClientException e) {
      // Not served (404), not allowed (403) or metrics-server unavailable (503): unmeasured.
      return Map.of();
    }
    return usage;
  }

  static Usage sum(PodMetrics metrics) {
    double cpu = 0;
    long memory = 0;
    if (metrics.getContainers() != null) {
      for (ContainerMetrics container : metrics.getContainers()) {
        Map<String, Quantity> values = container.getUsage();
        if (values == null) {
          continue;
        }
        if (values.get("cpu") != null) {
          cpu += values.get("cpu").getNumericalAmount().doubleValue();
        }
        if (values.get("memory") != null) {
          memory += values.get("memory").getNumericalAmount().longValue();
        }
      }
    }
    return new Usage(cpu, memory);
  }
}
