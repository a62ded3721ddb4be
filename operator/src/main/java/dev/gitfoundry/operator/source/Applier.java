package dev.gitfoundry.operator.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies one compilation for one source: server-side apply (field manager {@code gitfoundry}) of
 * every object whose live state differs, then prune of what the previous inventory had and this one
 * lacks. Unchanged objects cost no write, so a one-app change writes that app's objects only.
 */
final class Applier {
  static final String FIELD_MANAGER = "gitfoundry";
  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(CFOrg.class, CFSpace.class, Secret.class, CFApp.class, CFRoute.class);
  private static final List<String> PRUNE_ORDER =
      List.of("CFRoute", "CFApp", "Secret", "CFSpace", "CFOrg");

  /** What an apply did. */
  record Result(List<InventoryEntry> inventory, int written, int unchanged, int pruned) {}

  private final KubernetesClient client;

  Applier(KubernetesClient client) {
    this.client = client;
  }

  Result apply(
      String sourceName,
      String sourceNamespace,
      String revision,
      List<HasMetadata> desired,
      List<InventoryEntry> previous,
      boolean prune) {
    Map<String, String> selector =
        Map.of(Labels.SOURCE, sourceName, Labels.SOURCE_NAMESPACE, sourceNamespace);
    Map<String, JsonNode> live = live(selector);
    ensureNamespaces(desired, sourceName, sourceNamespace);
    List<InventoryEntry> inventory = new ArrayList<>();
    int written = 0;
    for (HasMetadata object : desired) {
      HasMetadata prepared = object instanceof Secret secret ? withEncodedData(secret) : object;
      inventory.add(entry(prepared));
      if (DesiredState.satisfiedBy(
          DesiredState.toJson(prepared), live.get(ObjectKey.of(prepared)))) {
        continue;
      }
      Map<String, String> annotations = new TreeMap<>();
      if (prepared.getMetadata().getAnnotations() != null) {
        annotations.putAll(prepared.getMetadata().getAnnotations());
      }
      annotations.put(Labels.REVISION, revision);
      prepared.getMetadata().setAnnotations(annotations);
      client.resource(prepared).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      written++;
    }
    int pruned = prune ? prune(previous, inventory) : 0;
    return new Result(inventory, written, desired.size() - written, pruned);
  }

  /** Deletes everything this source applied; used when a pruning GitSource is deleted. */
  int deleteAll(List<InventoryEntry> inventory) {
    return prune(inventory, List.of());
  }

  private int prune(List<InventoryEntry> previous, List<InventoryEntry> current) {
    Set<String> keep = new java.util.HashSet<>();
    current.forEach(e -> keep.add(ObjectKey.of(e)));
    List<InventoryEntry> gone =
        new ArrayList<>(previous.stream().filter(e -> !keep.contains(ObjectKey.of(e))).toList());
    gone.sort(java.util.Comparator.comparingInt(e -> PRUNE_ORDER.indexOf(e.getKind())));
    for (InventoryEntry entry : gone) {
      client
          .genericKubernetesResources(entry.getApiVersion(), entry.getKind())
          .inNamespace(entry.getNamespace())
          .withName(entry.getName())
          .delete();
    }
    return gone.size();
  }

  /**
   * Space namespaces must exist before the objects that live in them; their CFSpace then owns them.
   */
  private void ensureNamespaces(
      List<HasMetadata> desired, String sourceName, String sourceNamespace) {
    Set<String> needed = new java.util.TreeSet<>();
    for (HasMetadata object : desired) {
      if (object instanceof CFSpace space && space.getSpec().getNamespace() != null) {
        needed.add(space.getSpec().getNamespace());
      }
    }
    for (String namespace : needed) {
      Namespace live = client.namespaces().withName(namespace).get();
      if (live != null) {
        var owner = OwnershipCheck.SourceId.of(live);
        if (owner.isPresent()
            && !owner.get().equals(new OwnershipCheck.SourceId(sourceNamespace, sourceName))) {
          // Another source created it since this one's OwnershipCheck ran; the retry of this
          // reconcile is refused by that check, before anything is written.
          throw new IllegalStateException(
              "namespace " + namespace + " was just taken by GitSource " + owner.get());
        }
      } else {
        client
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(namespace)
                    .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                    .addToLabels(Labels.SOURCE, sourceName)
                    .addToLabels(Labels.SOURCE_NAMESPACE, sourceNamespace)
                    .endMetadata()
                    .build())
            .create();
      }
    }
  }

  private Map<String, JsonNode> live(Map<String, String> selector) {
    Map<String, JsonNode> live = new HashMap<>();
    for (Class<? extends HasMetadata> kind : KINDS) {
      for (HasMetadata object :
          client.resources(kind).inAnyNamespace().withLabels(selector).list().getItems()) {
        live.put(ObjectKey.of(object), DesiredState.toJson(object));
      }
    }
    return live;
  }

  /** Secrets come back from the API as base64 {@code data}; compare and apply in that form. */
  private static Secret withEncodedData(Secret secret) {
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      data.putAll(secret.getData());
    }
    if (secret.getStringData() != null) {
      secret
          .getStringData()
          .forEach(
              (k, v) ->
                  data.put(
                      k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    }
    Secret copy =
        new io.fabric8.kubernetes.api.model.SecretBuilder(secret)
            .withStringData(null)
            .withData(data)
            .build();
    return copy;
  }

  private static InventoryEntry entry(HasMetadata object) {
    InventoryEntry entry = new InventoryEntry();
    entry.setApiVersion(object.getApiVersion());
    entry.setKind(object.getKind());
    entry.setNamespace(object.getMetadata().getNamespace());
    entry.setName(object.getMetadata().getName());
    return entry;
  }
}
