package dev.gitfoundry.e2e.bench;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says whether the baseline wrote what the operator writes: as many Deployments and Services, and
 * Deployments of the same shape (replicas, image, resources, probes, ports). A difference is
 * printed next to the figures, since it would make the ratio compare different work.
 */
final class ShapeCheck {
  private ShapeCheck() {}

  static String compare(
      Deployment baseline,
      List<Deployment> operatorDeployments,
      KubernetesClient client,
      int apps) {
    List<String> differences = new ArrayList<>();
    int services =
        client
            .services()
            .inAnyNamespace()
            .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
            .list()
            .getItems()
            .size();
    if (operatorDeployments.size() != apps) {
      differences.add("operator Deployments " + operatorDeployments.size() + " != " + apps);
    }
    if (services != apps) {
      differences.add("operator Services " + services + " != " + apps);
    }
    if (!operatorDeployments.isEmpty()) {
      Deployment made = operatorDeployments.get(0);
      same(differences, "replicas", baseline.getSpec().getReplicas(), made.getSpec().getReplicas());
      List<Container> ours = baseline.getSpec().getTemplate().getSpec().getContainers();
      List<Container> theirs = made.getSpec().getTemplate().getSpec().getContainers();
      same(differences, "containers", ours.size(), theirs.size());
      Container a = ours.get(0);
      Container b = theirs.get(0);
      same(differences, "image", a.getImage(), b.getImage());
      same(differences, "resources", a.getResources(), b.getResources());
      same(differences, "ports", a.getPorts(), b.getPorts());
      same(differences, "livenessProbe", a.getLivenessProbe(), b.getLivenessProbe());
      same(differences, "readinessProbe", a.getReadinessProbe(), b.getReadinessProbe());
      same(differences, "startupProbe", a.getStartupProbe(), b.getStartupProbe());
    }
    return differences.isEmpty()
        ? "shape check: the baseline wrote what the operator wrote ("
            + apps
            + " Deployments of the same shape, "
            + apps
            + " Services)"
        : "WARNING shape check: the baseline differs from the operator's workloads: " + differences;
  }

  private static void same(List<String> differences, String what, Object ours, Object theirs) {
    if (!Objects.equals(ours, theirs)) {
      differences.add(what + ": baseline " + ours + ", operator " + theirs);
    }
  }
}
