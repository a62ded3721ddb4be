package dev.gitfoundry.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeCheckTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private final LoopWorkloads workloads = new LoopWorkloads(2);

  @Test
  void objectsThatDifferOnlyInWriterGuidAndChecksumAreAlike() {
    StatefulSet baseline = workloads.statefulSet(0, "v0");
    Service service = service(0);

    String result =
        ShapeCheck.compare(
            baseline,
            service,
            List.of(asOperator(baseline, "v7"), asOperator(workloads.statefulSet(1, "v0"), "v0")),
            List.of(asOperator(service, "v0"), asOperator(service(1), "v0")),
            2);

    assertThat(result).startsWith("shape check: the baseline wrote what the operator wrote");
  }

  @Test
  void aDifferentPodTemplateIsNamedByItsPath() {
    StatefulSet baseline = workloads.statefulSet(0, "v0");
    StatefulSet made =
        new StatefulSetBuilder(asOperator(baseline, "v0"))
            .editSpec()
            .editTemplate()
            .editSpec()
            .editFirstContainer()
            .withImage("other")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    String result =
        ShapeCheck.compare(
            baseline, service(0), List.of(made), List.of(asOperator(service(0), "v0")), 1);

    assertThat(result)
        .startsWith("WARNING")
        .contains(
            "StatefulSet.spec.template.spec.containers[0].image: baseline \"busybox\", operator"
                + " \"other\"");
  }

  @Test
  void missingObjectsAreCounted() {
    StatefulSet baseline = workloads.statefulSet(0, "v0");

    String result =
        ShapeCheck.compare(baseline, service(0), List.of(asOperator(baseline, "v0")), List.of(), 2);

    assertThat(result)
        .contains("operator StatefulSets 1 != 2")
        .contains("operator Services 0 != 2")
        .contains("no operator Service app0");
  }

  private Service service(int app) {
    return workloads.objects().stream()
        .filter(Service.class::isInstance)
        .map(Service.class::cast)
        .filter(s -> s.getMetadata().getName().equals("app" + app))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The object as the operator writes it: its managed-by label instead of the baseline's, another
   * guid, the checksum of {@code version}.
   */
  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> T asOperator(T object, String version) {
    String guid = object.getMetadata().getLabels().get(Labels.APP_GUID);
    String json =
        JSON.asJson(object)
            .replace(guid, "a-guid-of-the-operator")
            .replace(
                "\"" + LoopWorkloads.BASELINE_LABEL + "\":\"true\"",
                "\"" + Labels.MANAGED_BY + "\":\"" + Labels.MANAGED_BY_VALUE + "\"")
            .replaceAll(
                "\"gitfoundry.dev/runtime-checksum\":\"[^\"]*\"",
                "\"gitfoundry.dev/runtime-checksum\":\"" + version.hashCode() + "\"");
    return (T) JSON.unmarshal(json, object.getClass());
  }
}
