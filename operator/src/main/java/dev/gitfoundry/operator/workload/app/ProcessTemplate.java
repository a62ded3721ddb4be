package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.v1alpha1.HealthCheck;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.Sidecar;
import dev.gitfoundry.operator.workload.Mebibytes;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The containers of one process: CF process semantics written as Kubernetes container fields. */
final class ProcessTemplate {
  static final String APP_CONTAINER = "app";
  private static final int STARTUP_PERIOD_SECONDS = 2;

  private ProcessTemplate() {}

  static Container app(
      ProcessSpec process,
      String image,
      String runtimeSecret,
      List<BindingFiles.Binding> bindings) {
    HealthCheck liveness = orDefault(process.getHealthCheck(), defaultLiveness(process));
    HealthCheck readiness = process.getReadinessCheck();
    Probe livenessProbe = probe(liveness);
    return new ContainerBuilder()
        .withName(APP_CONTAINER)
        .withImage(image)
        .withCommand(shell(process.getCommand()))
        .addNewPort()
        .withName("http")
        .withContainerPort(AppNames.PORT)
        .withProtocol("TCP")
        .endPort()
        .withEnv(InstanceEnv.of(process.getType(), !bindings.isEmpty()))
        .withEnvFrom(new EnvFromSourceBuilder().withNewSecretRef(runtimeSecret, false).build())
        .withVolumeMounts(BindingFiles.mounts(bindings))
        .withResources(resources(process.getMemoryMB(), process.getDiskMB()))
        .withLivenessProbe(livenessProbe)
        .withReadinessProbe(readiness == null ? null : probe(readiness))
        .withStartupProbe(startupProbe(livenessProbe, process.getTimeoutSeconds()))
        .build();
  }

  /** A sidecar sees what its process sees, as on CF. */
  static Container sidecar(
      Sidecar sidecar,
      String processType,
      String image,
      String runtimeSecret,
      List<BindingFiles.Binding> bindings) {
    return new ContainerBuilder()
        .withName(sidecar.getName().toLowerCase(Locale.ROOT))
        .withImage(image)
        .withCommand(shell(sidecar.getCommand()))
        .withEnv(InstanceEnv.of(processType, !bindings.isEmpty()))
        .withEnvFrom(new EnvFromSourceBuilder().withNewSecretRef(runtimeSecret, false).build())
        .withVolumeMounts(BindingFiles.mounts(bindings))
        .withResources(resources(sidecar.getMemoryMB(), null))
        .build();
  }

  /** CF runs start commands through a shell; an unset command runs the image's entrypoint. */
  private static List<String> shell(String command) {
    return command == null || command.isBlank() ? List.of() : List.of("/bin/sh", "-c", command);
  }

  /** CF's defaults: port checks for web, none ("process") for other types. */
  private static HealthCheck defaultLiveness(ProcessSpec process) {
    HealthCheck check = new HealthCheck();
    check.setType(AppNames.WEB.equals(process.getType()) ? "port" : "process");
    return check;
  }

  private static Probe probe(HealthCheck check) {
    String type = check.getType() == null ? "port" : check.getType();
    ProbeBuilder probe = new ProbeBuilder();
    switch (type) {
      case "port" ->
          probe.withNewTcpSocket().withPort(new IntOrString(AppNames.PORT)).endTcpSocket();
      case "http" ->
          probe
              .withNewHttpGet()
              .withPath(check.getEndpoint() == null ? "/" : check.getEndpoint())
              .withPort(new IntOrString(AppNames.PORT))
              .endHttpGet();
      default -> {
        return null; // "process" (and its alias "none"): the process being alive is enough
      }
    }
    if (check.getInvocationTimeoutSeconds() != null) {
      probe.withTimeoutSeconds(check.getInvocationTimeoutSeconds());
    }
    if (check.getIntervalSeconds() != null) {
      probe.withPeriodSeconds(check.getIntervalSeconds());
    }
    return probe.build();
  }

  /** CF's {@code timeout}: how long the health check may fail after start before it counts. */
  private static Probe startupProbe(Probe liveness, Integer timeoutSeconds) {
    if (liveness == null || timeoutSeconds == null) {
      return null;
    }
    int attempts =
        Math.max(1, (timeoutSeconds + STARTUP_PERIOD_SECONDS - 1) / STARTUP_PERIOD_SECONDS);
    return new ProbeBuilder(liveness)
        .withPeriodSeconds(STARTUP_PERIOD_SECONDS)
        .withFailureThreshold(attempts)
        .build();
  }

  private static ResourceRequirements resources(Long memoryMB, Long diskMB) {
    Map<String, Quantity> amounts = new TreeMap<>();
    if (memoryMB != null && memoryMB > 0) {
      amounts.put("memory", mebibytes(memoryMB));
    }
    if (diskMB != null && diskMB > 0) {
      amounts.put("ephemeral-storage", mebibytes(diskMB));
    }
    return amounts.isEmpty()
        ? null
        : new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build();
  }

  static Quantity mebibytes(long mb) {
    return Mebibytes.quantity(mb);
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
