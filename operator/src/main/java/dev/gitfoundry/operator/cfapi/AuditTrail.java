package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.CommitInfo;
import dev.gitfoundry.operator.delivery.DeliveryListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each applied revision as CF audit events ({@code cf events APP}): one per app the
 * revision added, changed or removed, acted by the commit's author, stored in the cluster (one
 * ConfigMap per space, {@link AuditEventStore}) so that every replica serves them and they outlive
 * restarts. Called on the leader, once per applied revision, after its objects were written.
 */
public final class AuditTrail implements DeliveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final KubernetesClient client;
  private final AuditEventStore store;
  private final Clock clock;

  public AuditTrail(KubernetesClient client, Clock clock) {
    this.client = client;
    this.store = new AuditEventStore(client);
    this.clock = clock;
  }

  @Override
  public void applied(
      GitSource source, String revision, CommitInfo commit, List<AppChange> changes) {
    Instant at = clock.instant();
    Map<String, List<ObjectNode>> bySpace = new LinkedHashMap<>();
    for (AppChange change : changes) {
      bySpace
          .computeIfAbsent(change.getNamespace(), namespace -> new ArrayList<>())
          .add(AppAuditEvents.of(source, revision, commit, change, appAfter(change), at));
    }
    bySpace.forEach(
        (namespace, events) -> {
          try {
            store.append(namespace, events);
          } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
              return; // the whole space went away with its Namespace: nobody can ask for these
            }
            // The revision is applied either way; a lost audit record must not undo or retry it.
            LOG.atWarn()
                .addKeyValue("namespace", namespace)
                .addKeyValue("revision", revision)
                .log("CF audit events not recorded: {}", e.getMessage());
          }
        });
  }

  /** The changed app as the revision left it; only updates need its new values. */
  private CFApp appAfter(AppChange change) {
    if (!AppChange.CHANGED.equals(change.getAction())) {
      return null;
    }
    return client
        .resources(CFApp.class)
        .inNamespace(change.getNamespace())
        .withName(change.getName())
        .get();
  }
}
