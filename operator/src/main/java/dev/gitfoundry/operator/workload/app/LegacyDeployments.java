package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments that Gitfoundry before StatefulSets ran processes as. Each is deleted once its app's
 * StatefulSets are ready, so an upgrade never leaves an app without instances; found with one list
 * at the first reconcile, so apps that never had one cost nothing.
 */
final class LegacyDeployments {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyDeployments.class);

  private volatile Set<String> pending;

  /** Deletes the app's old Deployments if it has some and its StatefulSets now serve it. */
  void retireIfReady(KubernetesClient client, CFApp app, boolean ready) {
    String key = key(app.getMetadata().getNamespace(), app.getMetadata().getName());
    if (!ready || !pending(client).contains(key)) {
      return;
    }
    // One by one: a collection delete needs the deletecollection verb, which the chart does not
    // grant.
    var deployments = client.apps().deployments().inNamespace(app.getMetadata().getNamespace());
    for (Deployment old :
        deployments
            .withLabel(Labels.APP, app.getMetadata().getName())
            .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
            .list()
            .getItems()) {
      deployments.withName(old.getMetadata().getName()).delete();
    }
    pending.remove(key);
    LOG.info(
        "retired the Deployments of app {}/{}: its StatefulSets are ready",
        app.getMetadata().getNamespace(),
        app.getMetadata().getName());
  }

  private Set<String> pending(KubernetesClient client) {
    Set<String> found = pending;
    if (found != null) {
      return found;
    }
    synchronized (this) {
      if (pending == null) {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        try {
          for (Deployment d :
              client
                  .apps()
                  .deployments()
                  .inAnyNamespace()
                  .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                  .withLabel(Labels.APP)
                  .list()
                  .getItems()) {
            keys.add(
                key(d.getMetadata().getNamespace(), d.getMetadata().getLabels().get(Labels.APP)));
          }
        } catch (KubernetesClientException e) {
          LOG.warn("cannot list Deployments of an older version to retire: {}", e.getMessage());
        }
        pending = keys;
      }
      return pending;
    }
  }

  private static String key(String namespace, String app) {
    return namespace + "/" + app;
  }
}
