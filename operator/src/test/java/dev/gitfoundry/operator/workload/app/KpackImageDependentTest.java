package dev.gitfoundry.operator.workload.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpackImageDependentTest {
  @Test
  void latestImageIsReadFromStatus() {
    assertThat(KpackImageDependent.latestImage(image(Map.of("latestImage", "r/app@sha256:1"))))
        .contains("r/app@sha256:1");
    assertThat(KpackImageDependent.latestImage(new GenericKubernetesResource())).isEmpty();
  }

  @Test
  void failedBuildMessageComesFromTheReadyCondition() {
    var failed =
        image(
            Map.of(
                "conditions",
                List.of(Map.of("type", "Ready", "status", "False", "message", "Build failed"))));
    assertThat(KpackImageDependent.failure(failed)).contains("Build failed");
    var building =
        image(Map.of("conditions", List.of(Map.of("type", "Ready", "status", "Unknown"))));
    assertThat(KpackImageDependent.failure(building)).isEmpty();
  }

  private static GenericKubernetesResource image(Map<String, Object> status) {
    GenericKubernetesResource image = new GenericKubernetesResource();
    image.setAdditionalProperty("status", status);
    return image;
  }
}
