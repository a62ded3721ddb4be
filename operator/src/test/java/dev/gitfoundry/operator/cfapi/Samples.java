package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppSpec;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.SourceLocation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Small resources for the CF API's unit tests. */
final class Samples {
  static final String APP_GUID = "8a1b2c3d-0000-5000-8000-000000000001";

  private Samples() {}

  static GitSource source() {
    GitSource source = new GitSource();
    source.getMetadata().setName("manifests");
    source.getMetadata().setNamespace("team-a");
    GitSourceSpec spec = new GitSourceSpec();
    spec.setUrl("https://bot:secret@git.example/acme/manifests.git");
    source.setSpec(spec);
    return source;
  }

  static CFApp app(String name, String namespace, ProcessSpec... processes) {
    CFApp app = new CFApp();
    app.getMetadata().setName(name);
    app.getMetadata().setNamespace(namespace);
    app.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
    app.getMetadata().setLabels(new HashMap<>());
    app.getMetadata().getLabels().put(Labels.GUID, APP_GUID);
    CFAppSpec spec = new CFAppSpec();
    spec.setDisplayName(name);
    spec.setProcesses(new ArrayList<>(List.of(processes)));
    SourceLocation location = new SourceLocation();
    location.setFile("acme/prod/" + name + "/manifest.yml");
    location.setLine(2);
    spec.setSource(location);
    app.setSpec(spec);
    return app;
  }

  static ProcessSpec process(String type, int instances, long memoryMB) {
    ProcessSpec process = new ProcessSpec();
    process.setType(type);
    process.setInstances(instances);
    process.setMemoryMB(memoryMB);
    process.setDiskMB(1024L);
    return process;
  }

  static Pod pod(String name, String processType, String created) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("acme-prod")
        .withUid("uid-" + name)
        .withCreationTimestamp(created)
        .addToLabels(Labels.APP_GUID, APP_GUID)
        .addToLabels(Labels.PROCESS_TYPE, processType)
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-1")
        .addNewContainer()
        .withName("app")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }
}
