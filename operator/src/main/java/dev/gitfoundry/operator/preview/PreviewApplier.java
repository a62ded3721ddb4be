package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.operator.source.ObjectKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes and removes one pull request's preview. Everything it touches carries the preview labels
 * of that pull request; a namespace that exists without them is refused, so a preview can never
 * write into (or delete) a namespace it did not create.
 */
final class PreviewApplier {
  static final String FIELD_MANAGER = "gitfoundry-preview";

  /** Deletion order: what refers to others goes first; spaces take their namespaces with them. */
  private static final List<Class<? extends HasMetadata>> DELETE_ORDER =
      List.of(CFRoute.class, CFApp.class, Secret.class, CFSpace.class, CFOrg.class);

  private final KubernetesClient client;

  PreviewApplier(KubernetesClient client) {
    this.client = client;
  }

  void apply(SourceRef source, int number, String headSha, PreviewPlan plan, Instant now)
      throws PreviewException {
    Map<String, String> labels = PreviewLabels.of(source, number);
    for (String namespace : plan.namespaces()) {
      ensureNamespace(namespace, labels, headSha, now);
    }
    Set<String> allowed = new HashSet<>(plan.namespaces());
    allowed.add(source.namespace()); // CFOrg and CFSpace live beside their GitSource
    Set<String> wanted = new HashSet<>();
    for (HasMetadata object : plan.objects()) {
      if (!allowed.contains(object.getMetadata().getNamespace())) {
        throw new PreviewException(
            ErrorKind.INVALID_INPUT,
            "refusing to write " + ObjectKey.of(object) + " outside the preview's namespaces");
      }
      HasMetadata prepared = object instanceof Secret secret ? encoded(secret) : object;
      Map<String, String> annotations = new LinkedHashMap<>();
      if (prepared.getMetadata().getAnnotations() != null) {
        annotations.putAll(prepared.getMetadata().getAnnotations());
      }
      annotations.put(Labels.REVISION, "pull/" + number + "@sha1:" + headSha);
      prepared.getMetadata().setAnnotations(annotations);
      client.resource(prepared).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      wanted.add(ObjectKey.of(prepared));
    }
    pruneExcept(source, number, wanted, Set.copyOf(plan.namespaces()));
  }

  /** Removes the whole preview of one pull request, namespaces included. */
  void delete(SourceRef source, int number) {
    pruneExcept(source, number, Set.of(), Set.of());
  }

  /**
   * Namespaces of previews that still exist, by pull-request number (for restarts and TTL).
   * Terminating ones are already on their way out and are not listed.
   */
  Map<Integer, List<Namespace>> existing(SourceRef source) {
    Map<Integer, List<Namespace>> byNumber = new java.util.TreeMap<>();
    for (Namespace namespace :
        client.namespaces().withLabels(PreviewLabels.ofSource(source)).list().getItems()) {
      if (namespace.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String number = namespace.getMetadata().getLabels().get(PreviewLabels.PULL_REQUEST);
      if (number != null && number.matches("[0-9]+")) {
        byNumber
            .computeIfAbsent(Integer.parseInt(number), k -> new java.util.ArrayList<>())
            .add(namespace);
      }
    }
    return byNumber;
  }

  private void pruneExcept(
      SourceRef source, int number, Set<String> keepObjects, Set<String> keepNamespaces) {
    Map<String, String> labels = PreviewLabels.of(source, number);
    for (Class<? extends HasMetadata> kind : DELETE_ORDER) {
      for (HasMetadata live :
          client.resources(kind).inAnyNamespace().withLabels(labels).list().getItems()) {
        if (!keepObjects.contains(ObjectKey.of(live))) {
          client.resource(live).delete();
        }
      }
    }
    for (Namespace namespace : client.namespaces().withLabels(labels).list().getItems()) {
      if (!keepNamespaces.contains(namespace.getMetadata().getName())) {
        client.resource(namespace).delete();
      }
    }
  }

  private void ensureNamespace(String name, Map<String, String> labels, String headSha, Instant now)
      throws PreviewException {
    Namespace live = client.namespaces().withName(name).get();
    if (live != null && !isPreviewNamespace(live, labels)) {
      throw new PreviewException(
          ErrorKind.INVALID_INPUT,
          "namespace " + name + " exists and is not this preview's; nothing was deployed");
    }
    if (live != null && live.getMetadata().getDeletionTimestamp() != null) {
      throw new PreviewException(
          ErrorKind.WAITING, "namespace " + name + " of an earlier preview is still terminating");
    }
    Namespace desired =
        new NamespaceBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .addToAnnotations(PreviewLabels.HEAD_SHA, headSha)
            .addToAnnotations(PreviewLabels.UPDATED_AT, now.toString())
            .endMetadata()
            .build();
    try {
      client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      throw new PreviewException(
          ErrorKind.TRANSIENT, "namespace " + name + " not written: " + e.getStatus(), e);
    }
  }

  private static boolean isPreviewNamespace(Namespace namespace, Map<String, String> labels) {
    Map<String, String> live = namespace.getMetadata().getLabels();
    return live != null && live.entrySet().containsAll(labels.entrySet());
  }

  /** Secrets come back from the API as base64 {@code data}; apply them in that form. */
  private static Secret encoded(Secret secret) {
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
    return new io.fabric8.kubernetes.api.model.SecretBuilder(secret)
        .withStringData(null)
        .withData(data)
        .build();
  }
}
