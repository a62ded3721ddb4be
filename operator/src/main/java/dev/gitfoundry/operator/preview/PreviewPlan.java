package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.SnapshotFile;
import dev.gitfoundry.operator.delivery.DeliveryScope;
import dev.gitfoundry.operator.source.GitSourceRefs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The objects of one pull request's preview: for each changed app, a copy of its space as {@code
 * <space>-pr-<n>} (namespace {@code <namespace>-pr-<n>}), the app and its env Secret there, and its
 * routes with hosts {@code <host>-pr-<n>} on the same domains. Orgs of the base branch are reused;
 * an org the pull request adds is copied as {@code <org>-pr-<n>}. Unchanged apps are not copied.
 *
 * @param objects what to apply, every one labelled with {@link PreviewLabels}
 * @param namespaces the preview namespaces, to create (labelled) before applying
 * @param url {@code http://<host>-pr-<n>.<domain><path>} of the first changed app with a route
 * @param apps display names of the changed apps, for the commit status
 */
public record PreviewPlan(
    List<HasMetadata> objects, List<String> namespaces, String url, List<String> apps) {
  static final String FIELD_MANAGER = "gitfoundry-preview";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  public static PreviewPlan build(
      SourceRef source,
      int number,
      List<HasMetadata> base,
      List<HasMetadata> head,
      List<AppKey> changed) {
    Set<AppKey> changedApps = new LinkedHashSet<>(changed);
    Set<String> baseOrgs = new java.util.HashSet<>();
    for (HasMetadata object : base) {
      if (object instanceof CFOrg org) {
        baseOrgs.add(org.getMetadata().getName());
      }
    }
    Map<String, CFSpace> spacesByNamespace = new HashMap<>();
    Map<String, CFOrg> orgsByName = new HashMap<>();
    Map<String, Secret> secrets = new HashMap<>();
    for (HasMetadata object : head) {
      if (object instanceof CFSpace space) {
        spacesByNamespace.put(space.getSpec().getNamespace(), space);
      } else if (object instanceof CFOrg org) {
        orgsByName.put(org.getMetadata().getName(), org);
      } else if (object instanceof Secret secret) {
        secrets.put(key(secret), secret);
      }
    }

    Map<String, String> renamed = new HashMap<>(); // original k8s name -> preview name (org, space)
    Map<String, HasMetadata> tenancy = new LinkedHashMap<>();
    List<String> namespaces = new ArrayList<>();
    List<HasMetadata> workloads = new ArrayList<>();
    List<String> apps = new ArrayList<>();
    for (HasMetadata object : head) {
      if (!(object instanceof CFApp app)) {
        continue;
      }
      AppKey appKey = new AppKey(app.getMetadata().getNamespace(), app.getMetadata().getName());
      if (!changedApps.contains(appKey)) {
        continue;
      }
      String previewNamespace = PreviewNames.of(appKey.namespace(), number);
      CFSpace space = spacesByNamespace.get(appKey.namespace());
      if (space != null && !tenancy.containsKey("space/" + space.getMetadata().getName())) {
        String orgName = space.getSpec().getOrgName();
        CFOrg org = orgsByName.get(orgName);
        if (org != null && !baseOrgs.contains(orgName) && !tenancy.containsKey("org/" + orgName)) {
          CFOrg orgCopy = copy(org, source, number, renamed);
          orgCopy.getMetadata().setName(PreviewNames.of(orgName, number));
          orgCopy.getSpec().setNamespace(PreviewNames.of(org.getSpec().getNamespace(), number));
          orgCopy
              .getSpec()
              .setDisplayName(org.getSpec().getDisplayName() + PreviewNames.suffix(number));
          renamed.put(orgName, orgCopy.getMetadata().getName());
          tenancy.put("org/" + orgName, orgCopy);
          namespaces.add(orgCopy.getSpec().getNamespace());
        }
        CFSpace spaceCopy = copy(space, source, number, renamed);
        spaceCopy.getMetadata().setName(PreviewNames.of(space.getMetadata().getName(), number));
        spaceCopy.getSpec().setNamespace(previewNamespace);
        spaceCopy.getSpec().setOrgName(renamed.getOrDefault(orgName, orgName));
        spaceCopy
            .getSpec()
            .setDisplayName(space.getSpec().getDisplayName() + PreviewNames.suffix(number));
        renamed.put(space.getMetadata().getName(), spaceCopy.getMetadata().getName());
        tenancy.put("space/" + space.getMetadata().getName(), spaceCopy);
        namespaces.add(previewNamespace);
      }
      CFApp appCopy = copy(app, source, number, renamed);
      appCopy.getMetadata().setNamespace(previewNamespace);
      workloads.add(appCopy);
      apps.add(
          app.getSpec().getDisplayName() == null ? appKey.name() : app.getSpec().getDisplayName());
      Secret env =
          app.getSpec().getEnvSecretName() == null
              ? null
              : secrets.get(appKey.namespace() + "/" + app.getSpec().getEnvSecretName());
      if (env != null) {
        Secret envCopy = copy(env, source, number, renamed);
        envCopy.getMetadata().setNamespace(previewNamespace);
        workloads.add(envCopy);
      }
    }

    String url = null;
    Map<AppKey, String> urlByApp = new HashMap<>();
    for (HasMetadata object : head) {
      if (!(object instanceof CFRoute route) || route.getSpec().getDestinations() == null) {
        continue;
      }
      String namespace = route.getMetadata().getNamespace();
      List<RouteDestination> kept =
          route.getSpec().getDestinations().stream()
              .filter(d -> changedApps.contains(new AppKey(namespace, d.getAppName())))
              .toList();
      if (kept.isEmpty()) {
        continue;
      }
      CFRoute routeCopy = copy(route, source, number, renamed);
      routeCopy.getMetadata().setNamespace(PreviewNames.of(namespace, number));
      routeCopy.getSpec().setHost(PreviewNames.host(route.getSpec().getHost(), number));
      routeCopy.getSpec().setDestinations(kept.stream().map(d -> SERIALIZATION.clone(d)).toList());
      workloads.add(routeCopy);
      String routeUrl = url(routeCopy);
      for (RouteDestination destination : kept) {
        urlByApp.putIfAbsent(new AppKey(namespace, destination.getAppName()), routeUrl);
      }
    }
    for (AppKey app : changed) {
      if (urlByApp.containsKey(app)) {
        url = urlByApp.get(app);
        break;
      }
    }
    List<HasMetadata> objects = new ArrayList<>(tenancy.values());
    objects.addAll(workloads);
    return new PreviewPlan(objects, namespaces, url, apps);
  }

  /** Where a preview may write: its namespaces, and the source's (CFOrg and CFSpace live there). */
  static DeliveryScope scope(SourceRef source, int number, PreviewPlan plan) {
    Set<String> allowed = new java.util.HashSet<>();
    if (plan != null) {
      allowed.addAll(plan.namespaces());
      allowed.add(source.namespace());
    }
    return new DeliveryScope(PreviewLabels.of(source, number), FIELD_MANAGER, allowed, false);
  }

  /**
   * Orgs and spaces live beside the GitSource: owning them means deleting the GitSource deletes
   * every preview (their namespaces go with them).
   */
  PreviewPlan ownedBy(GitSource source) {
    OwnerReference owner =
        new OwnerReferenceBuilder()
            .withApiVersion(source.getApiVersion())
            .withKind(source.getKind())
            .withName(source.getMetadata().getName())
            .withUid(source.getMetadata().getUid())
            .build();
    for (HasMetadata object : objects) {
      if (source.getMetadata().getNamespace().equals(object.getMetadata().getNamespace())
          && source.getMetadata().getUid() != null) {
        object.getMetadata().setOwnerReferences(List.of(owner));
      }
    }
    return this;
  }

  /** foundation.yml sets domains and defaults for every app; a preview cannot isolate it. */
  static boolean changesFoundation(GitSource source, Snapshot base, Snapshot head) {
    String path = GitSourceRefs.path(source);
    String prefix = path.isEmpty() ? "" : path + "/";
    for (String name : List.of("foundation.yml", "foundation.yaml")) {
      SnapshotFile before = base.files().get(prefix + name);
      SnapshotFile after = head.files().get(prefix + name);
      if (!java.util.Arrays.equals(
          before == null ? null : before.content(), after == null ? null : after.content())) {
        return true;
      }
    }
    return false;
  }

  /** {@code file:line:col message (and N more)}: the first compile error, for a commit status. */
  static String firstError(Compilation compilation) {
    Diagnostic first = compilation.errors().get(0);
    int others = compilation.errors().size() - 1;
    return first.file()
        + ":"
        + first.line()
        + ":"
        + first.column()
        + " "
        + first.message()
        + (others > 0 ? " (and " + others + " more)" : "");
  }

  private static String url(CFRoute route) {
    String path = route.getSpec().getPath() == null ? "" : route.getSpec().getPath();
    return "http://" + route.getSpec().getHost() + "." + route.getSpec().getDomain() + path;
  }

  /**
   * A deep copy labelled as a preview: the source labels are swapped for preview labels (so the
   * GitSource never counts or prunes it), and GUIDs are derived anew so the CF API never shows two
   * objects with one guid.
   */
  private static <T extends HasMetadata> T copy(
      T original, SourceRef source, int number, Map<String, String> renamed) {
    T copy = SERIALIZATION.clone(original);
    Map<String, String> labels = new LinkedHashMap<>();
    if (copy.getMetadata().getLabels() != null) {
      copy.getMetadata()
          .getLabels()
          .forEach(
              (k, v) -> {
                if (k.equals(Labels.GUID) || k.equals(Labels.APP_GUID)) {
                  labels.put(k, previewGuid(v, number));
                } else if (k.equals(Labels.ORG) || k.equals(Labels.SPACE)) {
                  labels.put(k, renamed.getOrDefault(v, v));
                } else if (!k.equals(Labels.SOURCE) && !k.equals(Labels.SOURCE_NAMESPACE)) {
                  labels.put(k, v);
                }
              });
    }
    labels.putAll(PreviewLabels.of(source, number));
    copy.getMetadata().setLabels(labels);
    return copy;
  }

  static String previewGuid(String guid, int number) {
    return UUID.nameUUIDFromBytes(
            (guid + PreviewNames.suffix(number)).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }
}
