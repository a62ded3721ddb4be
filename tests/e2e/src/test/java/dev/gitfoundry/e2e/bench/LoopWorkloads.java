package dev.gitfoundry.e2e.bench;

import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The loop benchmark's apps: the manifests pushed to Git, and for the baseline the StatefulSet and
 * Service each of them becomes, written the way the operator's workload reconciler writes them (one
 * web process, 1 instance, 32 Mi memory, 64 Mi disk, a process health check, so no probes; the
 * instance environment of the downward API). {@link ShapeCheck} compares them with what the
 * operator really made after the run. The baseline's objects carry {@link #BASELINE_LABEL} where
 * the operator's carry its managed-by label.
 */
final class LoopWorkloads {
  static final String BASELINE_LABEL = "bench.gitfoundry.dev/baseline";
  static final int SPACES = 10;

  private final int apps;

  LoopWorkloads(int apps) {
    this.apps = apps;
  }

  static String manifestPath(int app) {
    return "bench/space" + (app % SPACES) + "/app" + app + "/manifest.yml";
  }

  static String manifest(int app, String version) {
    return "applications:\n- name: app"
        + app
        + "\n  docker: {image: busybox}\n  memory: 32M\n"
        + "  disk_quota: 64M\n  no-route: true\n  health-check-type: process\n"
        + "  env: {VERSION: "
        + version
        + "}\n";
  }

  List<String> namespaces() {
    TreeSet<String> namespaces = new TreeSet<>();
    for (int i = 0; i < Math.min(apps, SPACES); i++) {
      namespaces.add(namespace(i));
    }
    return List.copyOf(namespaces);
  }

  List<HasMetadata> objects() {
    List<HasMetadata> objects = new ArrayList<>();
    for (int i = 0; i < apps; i++) {
      objects.add(statefulSet(i, "v0"));
      objects.add(service(i));
    }
    return objects;
  }

  private static String namespace(int app) {
    return "baseline-space" + (app % SPACES);
  }

  private static String guid(int app) {
    return UUID.nameUUIDFromBytes(("app" + app).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Map<String, String> labels(int app) {
    return Map.of(
        "gitfoundry.dev/app",
        "app" + app,
        "gitfoundry.dev/app-guid",
        guid(app),
        "gitfoundry.dev/process-type",
        "web",
        BASELINE_LABEL,
        "true");
  }

  /**
   * App {@code app}'s web StatefulSet, as {@code ProcessStatefulSetsDependent} and {@code
   * ProcessTemplate} build it for this manifest; {@code version} changes its pod template, as an
   * env change does (through the runtime checksum).
   */
  StatefulSet statefulSet(int app, String version) {
    String name = "app" + app + "-web";
    Map<String, Quantity> resources = new TreeMap<>();
    resources.put("ephemeral-storage", new Quantity("64Mi"));
    resources.put("memory", new Quantity("32Mi"));
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace(app))
        .withLabels(labels(app))
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(name)
        .withPodManagementPolicy("Parallel")
        .withNewUpdateStrategy()
        .withType("RollingUpdate")
        .endUpdateStrategy()
        .withNewSelector()
        .addToMatchLabels("gitfoundry.dev/app-guid", guid(app))
        .addToMatchLabels("gitfoundry.dev/process-type", "web")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels(app))
        .addToAnnotations(
            "gitfoundry.dev/runtime-checksum", Integer.toHexString(version.hashCode()))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .withProtocol("TCP")
        .endPort()
        .withEnv(instanceEnv())
        .withEnvFrom(
            new EnvFromSourceBuilder().withNewSecretRef("app" + app + "-runtime", false).build())
        .withNewResources()
        .withRequests(resources)
        .withLimits(resources)
        .endResources()
        .endContainer()
        .withEnableServiceLinks(false)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** What the operator's {@code InstanceEnv} gives a web process without service bindings. */
  private static List<EnvVar> instanceEnv() {
    String index = "metadata.labels['apps.kubernetes.io/pod-index']";
    return List.of(
        value("PORT", "8080"),
        field("CF_INSTANCE_GUID", "metadata.uid"),
        field("INSTANCE_GUID", "metadata.uid"),
        field("CF_INSTANCE_INDEX", index),
        field("INSTANCE_INDEX", index),
        field("CF_INSTANCE_IP", "status.hostIP"),
        field("CF_INSTANCE_INTERNAL_IP", "status.podIP"),
        value("CF_INSTANCE_PORT", "8080"),
        value("CF_INSTANCE_ADDR", "$(CF_INSTANCE_INTERNAL_IP):8080"),
        value("CF_INSTANCE_PORTS", "[{\"external\":8080,\"internal\":8080}]"),
        value(
            "VCAP_APPLICATION",
            "{\"instance_id\":\"$(CF_INSTANCE_GUID)\",\"instance_index\":$(CF_INSTANCE_INDEX),"
                + "\"host\":\"0.0.0.0\",\"port\":8080,\"process_type\":\"web\","
                + "$(GITFOUNDRY_VCAP_APPLICATION_FIELDS)}"));
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar field(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withApiVersion("v1")
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static Service service(int app) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("app" + app)
        .withNamespace(namespace(app))
        .withLabels(labels(app))
        .endMetadata()
        .withNewSpec()
        .addToSelector("gitfoundry.dev/app-guid", guid(app))
        .addToSelector("gitfoundry.dev/process-type", "web")
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(8080)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }
}
