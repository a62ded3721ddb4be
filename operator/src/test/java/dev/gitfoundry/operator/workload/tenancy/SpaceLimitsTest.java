package dev.gitfoundry.operator.workload.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceLimitsTest {
  static CFSpace space(QuotaSpec own, QuotaSpec org) {
    CFSpace space = new CFSpace();
    space.getMetadata().setName("acme-prod");
    space.getMetadata().setNamespace("team");
    space.getSpec().setNamespace("acme-prod");
    space.getSpec().setQuota(own);
    space.getSpec().setOrgQuota(org);
    return space;
  }

  static QuotaSpec quota(Long totalMb, Long instanceMb, Integer instances) {
    QuotaSpec quota = new QuotaSpec();
    quota.setName("q");
    quota.setTotalMemoryMB(totalMb);
    quota.setInstanceMemoryMB(instanceMb);
    quota.setAppInstances(instances);
    return quota;
  }

  @Test
  void theTighterOfSpaceAndOrgLimitsEachResource() {
    CFSpace space = space(quota(10240L, null, 50), quota(8192L, 512L, 100));

    var quotas = SpaceLimits.resourceQuota(space);
    assertThat(quotas).hasSize(1);
    assertThat(quotas.get(0).getMetadata().getName()).isEqualTo("gitfoundry-quota");
    assertThat(quotas.get(0).getMetadata().getNamespace()).isEqualTo("acme-prod");
    assertThat(quotas.get(0).getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/component", "quota");
    assertThat(quotas.get(0).getSpec().getHard())
        .isEqualTo(Map.of("limits.memory", new Quantity("8Gi"), "pods", new Quantity("50")));

    LimitRangeItem item = SpaceLimits.limitRange(space).get(0).getSpec().getLimits().get(0);
    assertThat(item.getType()).isEqualTo("Container");
    assertThat(item.getMax()).containsEntry("memory", new Quantity("512Mi"));
    assertThat(item.getDefault()).containsEntry("memory", new Quantity("512Mi"));
    assertThat(item.getDefaultRequest()).containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void aMemoryQuotaWithoutInstanceLimitStillDefaultsContainersToCcsDefault() {
    CFSpace space = space(quota(4096L, null, null), null);
    assertThat(SpaceLimits.resourceQuota(space).get(0).getSpec().getHard())
        .isEqualTo(Map.of("limits.memory", new Quantity("4Gi")));
    LimitRangeItem item = SpaceLimits.limitRange(space).get(0).getSpec().getLimits().get(0);
    assertThat(item.getMax()).isNullOrEmpty();
    assertThat(item.getDefault()).containsEntry("memory", new Quantity("1Gi"));
  }

  @Test
  void limitsKubernetesCannotCountMakeNoObjects() {
    QuotaSpec routesOnly = new QuotaSpec();
    routesOnly.setName("r");
    routesOnly.setRoutes(3);
    routesOnly.setServiceInstances(1);
    CFSpace space = space(routesOnly, null);
    assertThat(SpaceLimits.resourceQuota(space)).isEmpty();
    assertThat(SpaceLimits.limitRange(space)).isEmpty();
    assertThat(SpaceLimits.resourceQuota(space(null, null))).isEmpty();
  }
}
