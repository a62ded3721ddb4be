package dev.gitfoundry.operator.workload;

import static dev.gitfoundry.operator.workload.WorkloadTestSupport.awaitReady;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.create;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.dockerApp;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.get;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With watchNamespaces set, resources there are served and resources elsewhere are left alone. An
 * app that exists before the operator starts is served too, beside a watched namespace that is
 * empty: JOSDK starts an informer per namespace, and a store shared by them lost the app whenever
 * the empty namespace listed last (the app "deleted", its Pods gone from the cache).
 */
class WorkloadWatchNamespacesIT {
  @Test
  void onlyWatchedNamespacesAreReconciled() {
    KubeCluster cluster = KubeCluster.shared();
    KubernetesClient client = cluster.client();
    String home = cluster.createNamespace("watched");
    String apps = cluster.createNamespace("watched-apps");
    String elsewhere = cluster.createNamespace("unwatched");
    String empty = cluster.createNamespace("watched-empty");
    create(client, dockerApp(apps, "early", process("web", 1)));
    OperatorConfig config =
        OperatorConfig.defaults().withWatchNamespaces(Set.of(home, apps, empty));
    Operator operator = WorkloadTestSupport.startOperator(cluster, config);
    try {
      CFSpace space = new CFSpace();
      space.getMetadata().setName("dev");
      space.getMetadata().setNamespace(home);
      space.getSpec().setDisplayName("dev");
      space.getSpec().setOrgName("acme");
      // The space's own namespace need not be watched: Namespaces are watched cluster-wide.
      space.getSpec().setNamespace(home + "-dev");
      create(client, space);
      create(client, dockerApp(apps, "web", process("web", 1)));
      create(client, dockerApp(elsewhere, "web", process("web", 1)));

      awaitReady(cluster, () -> get(client, CFSpace.class, home, "dev"), "True", "Ready");
      awaitReady(cluster, () -> get(client, CFApp.class, apps, "web"), "True", "Running");
      awaitReady(cluster, () -> get(client, CFApp.class, apps, "early"), "True", "Running");
      assertThat(get(client, CFApp.class, elsewhere, "web").getStatus()).isNull();
      assertThat(client.apps().statefulSets().inNamespace(elsewhere).list().getItems()).isEmpty();
    } finally {
      operator.stop();
    }
  }
}
