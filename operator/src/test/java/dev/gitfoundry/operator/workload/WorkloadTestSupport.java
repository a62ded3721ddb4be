package dev.gitfoundry.operator.workload;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitfoundryResource;
import dev.gitfoundry.api.v1alpha1.HealthCheck;
import dev.gitfoundry.api.v1alpha1.Lifecycle;
import dev.gitfoundry.api.v1alpha1.LifecycleType;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.ResourceStatus;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Starts the workload controllers in-process against the shared cluster, and builds CRs. */
final class WorkloadTestSupport {
  static final Duration TIMEOUT = Duration.ofSeconds(180);

  private WorkloadTestSupport() {}

  static Operator startOperator(KubeCluster cluster, OperatorConfig config) {
    return startOperator(cluster, config, StagingConfig.unconfigured());
  }

  static Operator startOperator(KubeCluster cluster, OperatorConfig config, StagingConfig staging) {
    makeFakeNodeSchedulable(cluster.client());
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(cluster.client())
                    .withCloseClientOnStop(false)
                    .withCacheSyncTimeout(Duration.ofSeconds(120)));
    WorkloadControllers.register(operator, config, staging, Clock.systemUTC());
    operator.start();
    return operator;
  }

  /**
   * Works around two gaps of the shared cluster fixture (reported to its owner): the kwok node
   * advertises no ephemeral-storage, so Pods with a disk quota never schedule; and it keeps the
   * {@code node.kubernetes.io/not-ready} taint, because the node lifecycle controller that would
   * remove it is disabled. Both are what a real node would look like after start-up.
   */
  static void makeFakeNodeSchedulable(KubernetesClient client) {
    var node = client.nodes().withName(KubeCluster.NODE_NAME);
    // kwok updates the node all the time: retry on conflicts.
    Await.until(
        "the fake node to lose its not-ready taint",
        TIMEOUT,
        () -> {
          node.edit(
              n -> {
                if (n.getSpec().getTaints() != null) {
                  n.getSpec()
                      .getTaints()
                      .removeIf(t -> "node.kubernetes.io/not-ready".equals(t.getKey()));
                }
                return n;
              });
          return true;
        });
    Await.until(
        "the fake node to advertise ephemeral-storage",
        TIMEOUT,
        () -> {
          node.editStatus(
              n -> {
                n.getStatus().getCapacity().putIfAbsent("ephemeral-storage", new Quantity("1Ti"));
                n.getStatus()
                    .getAllocatable()
                    .putIfAbsent("ephemeral-storage", new Quantity("1Ti"));
                return n;
              });
          return true;
        });
  }

  static CFApp dockerApp(String namespace, String name, ProcessSpec... processes) {
    CFApp app = new CFApp();
    app.getMetadata().setName(name);
    app.getMetadata().setNamespace(namespace);
    app.getMetadata().setLabels(Map.of("gitfoundry.dev/app-guid", UUID.randomUUID().toString()));
    app.getSpec().setDisplayName(name);
    app.getSpec().setOrgName("org");
    app.getSpec().setSpaceName("space");
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.setType(LifecycleType.DOCKER);
    lifecycle.setImage("example.invalid/" + name + ":1");
    app.getSpec().setLifecycle(lifecycle);
    app.getSpec().setProcesses(List.of(processes));
    return app;
  }

  static ProcessSpec process(String type, int instances) {
    ProcessSpec process = new ProcessSpec();
    process.setType(type);
    process.setInstances(instances);
    process.setMemoryMB(256L);
    process.setDiskMB(1024L);
    return process;
  }

  static HealthCheck check(String type, String endpoint) {
    HealthCheck check = new HealthCheck();
    check.setType(type);
    check.setEndpoint(endpoint);
    return check;
  }

  static CFRoute route(
      String namespace, String name, String host, String domain, String path, String... apps) {
    CFRoute route = new CFRoute();
    route.getMetadata().setName(name);
    route.getMetadata().setNamespace(namespace);
    route.getSpec().setHost(host);
    route.getSpec().setDomain(domain);
    route.getSpec().setPath(path);
    route.getSpec().setProtocol("http1");
    route
        .getSpec()
        .setDestinations(
            Arrays.stream(apps)
                .map(
                    app -> {
                      RouteDestination d = new RouteDestination();
                      d.setAppName(app);
                      d.setProcessType("web");
                      d.setPort(8080);
                      return d;
                    })
                .toList());
    return route;
  }

  static void createSecret(
      KubernetesClient client, String namespace, String name, Map<String, String> data) {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withStringData(data)
                .build())
        .create();
  }

  static <T extends GitfoundryResource<?, ?>> T create(KubernetesClient client, T resource) {
    return client.resource(resource).create();
  }

  static <T extends GitfoundryResource<?, ?>> T get(
      KubernetesClient client, Class<T> type, String namespace, String name) {
    return client.resources(type).inNamespace(namespace).withName(name).get();
  }

  static Optional<Condition> ready(GitfoundryResource<?, ? extends ResourceStatus> resource) {
    return resource == null
        ? Optional.empty()
        : Conditions.get(resource.getStatus(), Conditions.READY);
  }

  /**
   * Polls until the resource's Ready condition has that status and reason; returns the resource.
   */
  static <T extends GitfoundryResource<?, ? extends ResourceStatus>> T awaitReady(
      KubeCluster cluster, Supplier<T> read, String status, String reason) {
    long started = System.nanoTime();
    Object[] last = new Object[1];
    try {
      Await.until(
          "Ready=" + status + " (" + reason + ")",
          TIMEOUT,
          () -> {
            T current = read.get();
            last[0] = current == null ? null : current.getStatus();
            return ready(current)
                .filter(
                    c ->
                        status.equals(c.getStatus())
                            && (reason == null || reason.equals(c.getReason())))
                .isPresent();
          });
    } catch (IllegalStateException e) {
      throw new AssertionError(
          "last status: " + describe(last[0]) + "\ncomponent logs:\n" + cluster.logs(), e);
    }
    T result = read.get();
    System.out.printf(
        "[workload-it] %s reached Ready=%s/%s in %d ms%n",
        result, status, reason, (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  static void await(String what, Supplier<Boolean> condition) {
    Await.until(what, TIMEOUT, () -> Boolean.TRUE.equals(condition.get()));
  }

  private static String describe(Object status) {
    if (status instanceof ResourceStatus s) {
      return s.getConditions().stream()
              .map(
                  c ->
                      c.getType()
                          + "="
                          + c.getStatus()
                          + " "
                          + c.getReason()
                          + ": "
                          + c.getMessage())
              .toList()
          + " observedGeneration="
          + s.getObservedGeneration();
    }
    return String.valueOf(status);
  }
}
