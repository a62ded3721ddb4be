package dev.gitfoundry.operator.cli;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import dev.gitfoundry.compiler.Compilation;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service instances a repository's apps bind, created as a platform team would: a Secret of the
 * instance's name in the space's Namespace, holding its credentials (never in Git). The demo makes
 * up credentials (nothing runs behind them) and creates each Secret once the operator has created
 * the space's Namespace.
 */
final class DemoServiceInstances {
  /** One instance: its space Namespace and name. */
  record Instance(String namespace, String name) {
    /** Made-up credentials: the keys an app reads from VCAP_SERVICES. */
    Map<String, String> credentials() {
      Map<String, String> credentials = new LinkedHashMap<>();
      credentials.put("uri", "demo://" + name + "." + namespace + ".svc:5432/" + name);
      credentials.put("username", name);
      credentials.put("password", "demo-only-" + name);
      return credentials;
    }

    /** What a platform team would run to create it. */
    String kubectlCommand(String kubectl) {
      StringBuilder command =
          new StringBuilder(kubectl + " -n " + namespace + " create secret generic " + name);
      credentials()
          .forEach((k, v) -> command.append(" --from-literal=").append(k).append('=').append(v));
      return command.toString();
    }
  }

  private final List<Instance> pending;

  private DemoServiceInstances(List<Instance> instances) {
    this.pending = new ArrayList<>(instances);
  }

  /** Every instance the compiled apps bind, in order, each once. */
  static DemoServiceInstances boundIn(Compilation compilation) {
    Set<Instance> instances = new LinkedHashSet<>();
    compilation.objects().stream()
        .filter(CFApp.class::isInstance)
        .map(CFApp.class::cast)
        .forEach(
            app -> {
              List<ServiceBinding> services = app.getSpec().getServices();
              for (ServiceBinding binding :
                  services == null ? List.<ServiceBinding>of() : services) {
                instances.add(new Instance(app.getMetadata().getNamespace(), binding.getName()));
              }
            });
    return new DemoServiceInstances(List.copyOf(instances));
  }

  List<Instance> pending() {
    return List.copyOf(pending);
  }

  /** Creates the Secrets whose Namespace exists now; returns those created. */
  List<Instance> createWhereNamespacesExist(KubernetesClient client) {
    List<Instance> created = new ArrayList<>();
    for (Instance instance : List.copyOf(pending)) {
      if (client.namespaces().withName(instance.namespace()).get() == null) {
        continue;
      }
      Secret secret =
          new SecretBuilder()
              .withNewMetadata()
              .withName(instance.name())
              .withNamespace(instance.namespace())
              .addToLabels("app.kubernetes.io/created-by", "gitfoundry-demo")
              .endMetadata()
              .withStringData(instance.credentials())
              .build();
      client.resource(secret).serverSideApply();
      pending.remove(instance);
      created.add(instance);
    }
    return created;
  }
}
