package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import dev.gitfoundry.compiler.repository.StableGuids;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Service instances as Korifi models them: every service a manifest binds is a user-provided
 * service instance of its space, backed by the Secret of that name in the space's Namespace
 * (created by the platform team or a secrets operator, never stored in Git). An instance whose
 * Secret is missing is a failed instance. Derived from the cached CFApps; only whether each Secret
 * exists is asked of the API server (and remembered for a few seconds).
 */
final class ServiceInstances {
  private static final Duration SECRET_CHECKS_LAST = Duration.ofSeconds(5);

  /** An app's binding to an instance; {@code name} is the manifest's binding_name, if any. */
  record Binding(String guid, String name, CFApp app) {}

  record Instance(
      String guid,
      String name,
      CFSpace space,
      String spaceGuid,
      boolean secretExists,
      List<Binding> bindings) {
    String namespace() {
      return space.getSpec().getNamespace();
    }

    /** When the first app that binds it was created: the instance exists since then. */
    String createdAt() {
      return bindings.stream()
          .map(b -> b.app().getMetadata().getCreationTimestamp())
          .filter(java.util.Objects::nonNull)
          .min(String::compareTo)
          .orElse(null);
    }
  }

  private final KubernetesClient privileged;
  private final ExpiringCache<String, Boolean> secretExists;

  ServiceInstances(KubernetesClient privileged, Clock clock) {
    this.privileged = privileged;
    this.secretExists = new ExpiringCache<>(SECRET_CHECKS_LAST, clock);
  }

  /** The instances of these spaces, by name within each space. */
  List<Instance> in(List<CFSpace> spaces, FoundationCache foundation) {
    List<Instance> instances = new ArrayList<>();
    for (CFSpace space : spaces) {
      String namespace = space.getSpec().getNamespace();
      Map<String, List<Binding>> byName = new TreeMap<>();
      for (CFApp app : foundation.appsIn(namespace)) {
        List<ServiceBinding> services = app.getSpec().getServices();
        for (ServiceBinding service : services == null ? List.<ServiceBinding>of() : services) {
          byName
              .computeIfAbsent(service.getName(), name -> new ArrayList<>())
              .add(
                  new Binding(
                      StableGuids.of("service-binding", CfGuids.of(app), service.getName()),
                      service.getBindingName(),
                      app));
        }
      }
      byName.forEach(
          (name, bindings) ->
              instances.add(
                  new Instance(
                      guid(namespace, name),
                      name,
                      space,
                      CfGuids.of(space),
                      exists(namespace, name),
                      List.copyOf(bindings))));
    }
    return instances;
  }

  static String guid(String namespace, String name) {
    return StableGuids.of("service-instance", namespace, name);
  }

  private boolean exists(String namespace, String name) {
    return secretExists.get(
        namespace + "/" + name,
        key -> privileged.secrets().inNamespace(namespace).withName(name).get() != null);
  }
}
