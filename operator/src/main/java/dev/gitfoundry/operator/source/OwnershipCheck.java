package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.delivery.LiveState;
import dev.gitfoundry.operator.delivery.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a revision that would take an org or space another GitSource manages. Orgs and spaces
 * become cluster-wide Namespaces, so two sources declaring the same one, even from different
 * namespaces, would overwrite and prune each other's apps. The first source to apply an org or
 * space keeps it; another source's revisions that declare it are refused whole (nothing is applied)
 * until the first lets go: drops it from Git, or is deleted with {@code prune}.
 *
 * <p>Who manages a Namespace: the GitSource its source labels name (the applier labels every space
 * Namespace it creates, and the create is atomic); for a Namespace without them (org Namespaces,
 * older installations) the source of the oldest CFOrg or CFSpace that maps to it. Apps, routes and
 * env Secrets live in their space's Namespace, so checking spaces covers them. Preview objects
 * carry preview labels instead of source labels, so a source's previews never conflict with it.
 */
final class OwnershipCheck {
  static final String REASON = "OwnershipConflict";

  /**
   * A conflict is invalid input, not a transient error, so it is not retried with backoff; but it
   * goes away without this source changing when the other one lets go, hence a slow recheck.
   */
  static final Duration RECHECK_AFTER = Duration.ofMinutes(1);

  /** A GitSource as the source labels of an object name it. */
  record SourceId(String namespace, String name) {
    static Optional<SourceId> of(HasMetadata object) {
      Map<String, String> labels = object.getMetadata().getLabels();
      if (labels == null
          || labels.get(Labels.SOURCE) == null
          || labels.get(Labels.SOURCE_NAMESPACE) == null) {
        return Optional.empty();
      }
      return Optional.of(
          new SourceId(labels.get(Labels.SOURCE_NAMESPACE), labels.get(Labels.SOURCE)));
    }

    @Override
    public String toString() {
      return namespace + "/" + name;
    }
  }

  /**
   * Why a revision is refused: the first org or space taken (spaces first: they hold the apps), its
   * Namespace, by whom, how many more are taken, and whether that source still exists.
   */
  record Conflict(
      String object, String namespace, SourceId owner, int others, boolean ownerDeleted) {
    String message() {
      return object
          + " is managed by GitSource "
          + owner
          + (ownerDeleted
              ? ", which no longer exists: delete what it left (its CFOrg/CFSpace in "
                  + owner.namespace()
                  + ", or Namespace "
                  + namespace
                  + ") to release it"
              : "")
          + (others > 0 ? " (and " + others + " more)" : "");
    }

    Conflict withOwnerDeleted(boolean deleted) {
      return new Conflict(object, namespace, owner, others, deleted);
    }
  }

  private final KubernetesClient client;
  private final LiveState live;

  OwnershipCheck(KubernetesClient client, LiveState live) {
    this.client = client;
    this.live = live;
  }

  /** The conflict that forbids {@code source} to apply {@code desired}, if any. */
  Optional<Conflict> check(GitSource source, List<HasMetadata> desired) {
    SourceId self =
        new SourceId(source.getMetadata().getNamespace(), source.getMetadata().getName());
    List<Namespace> namespaces =
        live.all("Namespace").stream()
            .filter(n -> SourceId.of(n).isPresent())
            .map(n -> (Namespace) n)
            .toList();
    List<HasMetadata> tenancy = new ArrayList<>();
    for (String kind : List.of("CFOrg", "CFSpace")) {
      live.all(kind).stream().filter(t -> SourceId.of(t).isPresent()).forEach(tenancy::add);
    }
    // Only a conflict costs a request: whether the other source still exists.
    return decide(self, desired, namespaces, tenancy)
        .map(
            conflict -> {
              boolean deleted =
                  client
                          .resources(GitSource.class)
                          .inNamespace(conflict.owner().namespace())
                          .withName(conflict.owner().name())
                          .get()
                      == null;
              return conflict.withOwnerDeleted(deleted);
            });
  }

  /**
   * The decision, from what is live: {@code namespaces} carrying source labels, and every CFOrg and
   * CFSpace carrying source labels.
   */
  static Optional<Conflict> decide(
      SourceId self,
      List<HasMetadata> desired,
      List<Namespace> namespaces,
      List<HasMetadata> tenancy) {
    Map<String, Namespace> namespacesByName = new HashMap<>();
    namespaces.forEach(n -> namespacesByName.put(n.getMetadata().getName(), n));
    Map<String, String> orgDisplayNames = new HashMap<>();
    List<HasMetadata> claims = new ArrayList<>();
    List<HasMetadata> orgs = new ArrayList<>();
    for (HasMetadata object : desired) {
      if (object instanceof CFOrg org) {
        orgDisplayNames.put(org.getMetadata().getName(), org.getSpec().getDisplayName());
        orgs.add(org);
      } else if (object instanceof CFSpace space) {
        claims.add(space);
      }
    }
    claims.addAll(orgs);
    List<Conflict> conflicts = new ArrayList<>();
    for (HasMetadata claim : claims) {
      Optional<SourceId> owner = owner(claim, namespacesByName, tenancy);
      if (owner.isPresent() && !owner.get().equals(self)) {
        conflicts.add(
            new Conflict(
                describe(claim, orgDisplayNames), namespaceOf(claim), owner.get(), 0, false));
      }
    }
    if (conflicts.isEmpty()) {
      return Optional.empty();
    }
    Conflict first = conflicts.get(0);
    return Optional.of(
        new Conflict(
            first.object(), first.namespace(), first.owner(), conflicts.size() - 1, false));
  }

  private static Optional<SourceId> owner(
      HasMetadata claim, Map<String, Namespace> namespaces, List<HasMetadata> tenancy) {
    String namespace = namespaceOf(claim);
    Namespace live = namespaces.get(namespace);
    if (live != null) {
      Optional<SourceId> labelled = SourceId.of(live);
      if (labelled.isPresent()) {
        return labelled;
      }
    }
    return tenancy.stream()
        .filter(t -> SourceId.of(t).isPresent())
        .filter(
            t -> sameObject(t, claim) || (namespace != null && namespace.equals(namespaceOf(t))))
        .min(
            Comparator.comparing(
                    (HasMetadata t) -> t.getMetadata().getCreationTimestamp(),
                    Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(t -> ObjectRef.of(t).toString()))
        .flatMap(SourceId::of);
  }

  private static String describe(HasMetadata claim, Map<String, String> orgDisplayNames) {
    if (claim instanceof CFSpace space) {
      String org =
          orgDisplayNames.getOrDefault(space.getSpec().getOrgName(), space.getSpec().getOrgName());
      return "space " + org + "/" + space.getSpec().getDisplayName();
    }
    return "org " + ((CFOrg) claim).getSpec().getDisplayName();
  }

  private static String namespaceOf(HasMetadata tenant) {
    if (tenant instanceof CFSpace space) {
      return space.getSpec().getNamespace();
    }
    if (tenant instanceof CFOrg org) {
      return org.getSpec().getNamespace();
    }
    return null;
  }

  private static boolean sameObject(HasMetadata a, HasMetadata b) {
    return ObjectRef.of(a).toString().equals(ObjectRef.of(b).toString());
  }
}
