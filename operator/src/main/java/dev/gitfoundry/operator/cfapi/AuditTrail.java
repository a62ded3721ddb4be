package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.repository.Names;
import dev.gitfoundry.gitsync.CommitInfo;
import dev.gitfoundry.operator.delivery.DeliveryListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    try {
      record(source, revision, commit, changes);
    } catch (KubernetesClientException e) {
      // The revision is applied either way; a lost audit record must not undo or retry it.
      LOG.atWarn()
          .addKeyValue(
              "source", source.getMetadata().getNamespace() + "/" + source.getMetadata().getName())
          .addKeyValue("revision", revision)
          .log("CF audit events not recorded: {}", e.getMessage());
    }
  }

  private void record(
      GitSource source, String revision, CommitInfo commit, List<AppChange> changes) {
    Instant at = clock.instant();
    Map<String, Optional<Space>> spaces = new HashMap<>();
    Map<String, List<ObjectNode>> bySpace = new LinkedHashMap<>();
    List<CFSpace> sourceSpaces = null;
    for (AppChange change : changes) {
      if (!spaces.containsKey(change.getNamespace())) {
        if (sourceSpaces == null) {
          sourceSpaces = spacesOf(source);
        }
        spaces.put(change.getNamespace(), space(source, sourceSpaces, change.getNamespace()));
      }
      Optional<Space> space = spaces.get(change.getNamespace());
      if (space.isEmpty()) {
        continue; // the space went away with its Namespace: nobody can ask for these events
      }
      CFApp app = appAfter(change);
      bySpace
          .computeIfAbsent(change.getNamespace(), namespace -> new ArrayList<>())
          .add(
              AppAuditEvents.of(
                  source,
                  revision,
                  commit,
                  change,
                  app,
                  space.get().placement(source, change, app),
                  at));
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

  /** A space as CF names it: GUIDs and names of the space and its org. */
  private record Space(String guid, String name, String orgGuid, String orgName) {
    AppAuditEvents.Placement placement(GitSource source, AppChange change, CFApp app) {
      // Added and removed apps are not read back; their GUID is derived as the compiler does.
      String appGuid =
          app != null
              ? CfGuids.of(app)
              : Names.appGuid(
                  CompilerSettings.forSource(
                      source.getMetadata().getName(), source.getMetadata().getNamespace(), null),
                  orgName,
                  name,
                  change.getApp());
      return new AppAuditEvents.Placement(appGuid, guid, name, orgGuid, orgName);
    }
  }

  private List<CFSpace> spacesOf(GitSource source) {
    return client
        .resources(CFSpace.class)
        .inNamespace(source.getMetadata().getNamespace())
        .list()
        .getItems();
  }

  /** The CFSpace (beside its GitSource) whose Namespace holds the app, and its CFOrg. */
  private Optional<Space> space(GitSource source, List<CFSpace> spaces, String namespace) {
    CFSpace space =
        spaces.stream()
            .filter(s -> namespace.equals(s.getSpec().getNamespace()))
            .findFirst()
            .orElse(null);
    if (space == null) {
      return Optional.empty();
    }
    CFOrg org =
        client
            .resources(CFOrg.class)
            .inNamespace(source.getMetadata().getNamespace())
            .withName(space.getSpec().getOrgName())
            .get();
    return Optional.of(
        new Space(
            CfGuids.of(space),
            space.getSpec().getDisplayName(),
            org == null ? null : CfGuids.of(org),
            org == null ? space.getSpec().getOrgName() : org.getSpec().getDisplayName()));
  }

  /** A changed app as the revision left it, for its new values. */
  private CFApp appAfter(AppChange change) {
    if (!AppChange.CHANGED.equals(change.getAction())) {
      return null; // a first revision adds every app: no reads for those
    }
    return client
        .resources(CFApp.class)
        .inNamespace(change.getNamespace())
        .withName(change.getName())
        .get();
  }
}
