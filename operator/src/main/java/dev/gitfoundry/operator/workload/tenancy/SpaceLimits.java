package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import dev.gitfoundry.operator.workload.Mebibytes;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeItemBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A space's quotas as Kubernetes limits in its Namespace. Kubernetes has no quota across
 * Namespaces, so an org quota cannot be split exactly over its spaces' Namespaces at run time; the
 * compiler checks the org's total (every app of the org is in the repository it compiles), and each
 * space Namespace gets the tighter of its space quota and its org quota, so that no one space can
 * pass the org's limits either. Limits Kubernetes cannot count (routes, service instances, log
 * rate) are checked by the compiler only.
 */
final class SpaceLimits {
  static final String QUOTA_NAME = "gitfoundry-quota";
  static final String LIMIT_RANGE_NAME = "gitfoundry-limits";
  static final String COMPONENT_QUOTA = "quota";
  static final String COMPONENT_LIMITS = "limits";

  /** What Cloud Controller gives a process that names no memory ({@code default_app_memory}). */
  static final long DEFAULT_INSTANCE_MEMORY_MB = 1024;

  private SpaceLimits() {}

  /** {@code limits.memory} and {@code pods}, when the space or its org limits them. */
  static List<ResourceQuota> resourceQuota(CFSpace space) {
    Map<String, Quantity> hard = new TreeMap<>();
    Long memory = tighter(space, QuotaSpec::getTotalMemoryMB);
    if (memory != null) {
      hard.put("limits.memory", Mebibytes.quantity(memory));
    }
    Long instances =
        tighter(space, q -> q.getAppInstances() == null ? null : q.getAppInstances().longValue());
    if (instances != null) {
      hard.put("pods", new Quantity(Long.toString(instances)));
    }
    if (hard.isEmpty()) {
      return List.of();
    }
    return List.of(
        new ResourceQuotaBuilder()
            .withMetadata(meta(space, QUOTA_NAME, COMPONENT_QUOTA))
            .withNewSpec()
            .withHard(hard)
            .endSpec()
            .build());
  }

  /**
   * Per-container memory: at most the instance memory limit, and CC's default for containers that
   * name none (a memory quota refuses Pods without limits, so kpack's build Pods need one too).
   */
  static List<LimitRange> limitRange(CFSpace space) {
    Long instance = tighter(space, QuotaSpec::getInstanceMemoryMB);
    Long total = tighter(space, QuotaSpec::getTotalMemoryMB);
    if (instance == null && total == null) {
      return List.of();
    }
    long fallback =
        Math.min(DEFAULT_INSTANCE_MEMORY_MB, instance == null ? Long.MAX_VALUE : instance);
    Map<String, Quantity> defaults = Map.of("memory", Mebibytes.quantity(fallback));
    LimitRangeItemBuilder item =
        new LimitRangeItemBuilder()
            .withType("Container")
            .withDefault(defaults)
            .withDefaultRequest(defaults);
    if (instance != null) {
      item.withMax(Map.of("memory", Mebibytes.quantity(instance)));
    }
    return List.of(
        new LimitRangeBuilder()
            .withMetadata(meta(space, LIMIT_RANGE_NAME, COMPONENT_LIMITS))
            .withNewSpec()
            .withLimits(item.build())
            .endSpec()
            .build());
  }

  /** The smaller of the space's and the org's limit; null when neither limits it. */
  static Long tighter(CFSpace space, Function<QuotaSpec, Long> limit) {
    Long own = space.getSpec().getQuota() == null ? null : limit.apply(space.getSpec().getQuota());
    Long org =
        space.getSpec().getOrgQuota() == null ? null : limit.apply(space.getSpec().getOrgQuota());
    if (own == null) {
      return org;
    }
    return org == null ? own : Math.min(own, org);
  }

  static ObjectMeta meta(CFSpace space, String name, String component) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(space.getSpec().getNamespace())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(Labels.SPACE, space.getMetadata().getName())
        .addToLabels(WorkloadLabels.COMPONENT, component)
        .addToAnnotations(WorkloadLabels.OWNER, WorkloadLabels.ownerValue(space))
        .build();
  }
}
