package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.operator.delivery.LiveState;
import dev.gitfoundry.operator.delivery.Owner;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The previews of each source as {@code status.previews} records them, the one place preview state
 * lives. Written with a merge patch of that field only (the GitSource reconciler owns the rest),
 * and remembered as written, so the next reconcile does not act on an informer copy that predates
 * it.
 */
final class PreviewRecords {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewRecords.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private record Written(String uid, List<PreviewStatus> previews) {}

  private final KubernetesClient client;
  private final LiveState live;
  private final Map<SourceRef, Written> written = new ConcurrentHashMap<>();

  PreviewRecords(KubernetesClient client, LiveState live) {
    this.client = client;
    this.live = live;
  }

  /** Editable copies of the source's previews, by pull-request number. */
  Map<Integer, PreviewStatus> of(GitSource source) {
    Written last = written.get(SourceRef.of(source));
    List<PreviewStatus> current =
        last != null && last.uid().equals(String.valueOf(source.getMetadata().getUid()))
            ? last.previews()
            : source.getStatus() == null || source.getStatus().getPreviews() == null
                ? List.of()
                : source.getStatus().getPreviews();
    Map<Integer, PreviewStatus> copies = new TreeMap<>();
    for (PreviewStatus preview : current) {
      if (preview.getNumber() != null) {
        copies.put(preview.getNumber(), SERIALIZATION.clone(preview));
      }
    }
    return copies;
  }

  /** Pull requests with preview objects in the cluster, also those a record no longer names. */
  Set<Integer> deployed(GitSource source) {
    SourceRef ref = SourceRef.of(source);
    String prefix = Owner.preview(ref.namespace(), ref.name(), "");
    Set<Integer> numbers = new TreeSet<>();
    for (HasMetadata namespace : live.all("Namespace")) {
      Owner.of(namespace.getMetadata().getLabels())
          .filter(o -> o.startsWith(prefix))
          .map(o -> o.substring(prefix.length()))
          .filter(n -> n.matches("[0-9]+"))
          .ifPresent(n -> numbers.add(Integer.parseInt(n)));
    }
    return numbers;
  }

  /** Writes {@code status.previews} when it changed. */
  void publish(GitSource source, Map<Integer, PreviewStatus> previews) {
    List<PreviewStatus> desired =
        previews.values().stream().sorted(Comparator.comparing(PreviewStatus::getNumber)).toList();
    SourceRef ref = SourceRef.of(source);
    Written last = written.get(ref);
    List<PreviewStatus> current =
        last != null
            ? last.previews()
            : source.getStatus() == null || source.getStatus().getPreviews() == null
                ? List.of()
                : source.getStatus().getPreviews();
    if (current.equals(desired)) {
      return;
    }
    String json =
        "{\"status\":{\"previews\":"
            + (desired.isEmpty() ? "null" : SERIALIZATION.asJson(desired))
            + "}}";
    try {
      client
          .resources(GitSource.class)
          .inNamespace(ref.namespace())
          .withName(ref.name())
          .subresource("status")
          .patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).build(), json);
      written.put(ref, new Written(String.valueOf(source.getMetadata().getUid()), desired));
    } catch (KubernetesClientException e) {
      LOG.warn("{}: status.previews not written: {}", ref, e.getMessage());
    }
  }
}
