package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import dev.gitfoundry.operator.cache.LeanStore;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Informers over what a CFApp reads but does not own: its env and service Secrets, its CFSpace and
 * CFOrg, the CFRoutes pointing at it, and its Pods. Each maps a change back to the apps affected.
 */
final class AppSources {
  private InformerEventSource<Secret, CFApp> secrets;
  private InformerEventSource<CFSpace, CFApp> spaces;
  private InformerEventSource<CFOrg, CFApp> orgs;
  private InformerEventSource<CFRoute, CFApp> routes;
  private InformerEventSource<GitSource, CFApp> gitSources;

  List<EventSource<?, CFApp>> create(EventSourceContext<CFApp> context) {
    var apps = context.getPrimaryCache();
    secrets =
        informer(
            context,
            Secret.class,
            "cfapp-input-secrets",
            false,
            s -> appsIn(apps.list(ns(s)), app -> references(app, name(s))));
    spaces =
        informer(
            context,
            CFSpace.class,
            "cfapp-spaces",
            true,
            s ->
                s.getSpec().getNamespace() == null
                    ? Set.of()
                    : appsIn(apps.list(s.getSpec().getNamespace()), app -> true));
    orgs = informer(context, CFOrg.class, "cfapp-orgs", true, o -> Set.of());
    routes =
        informer(
            context,
            CFRoute.class,
            "cfapp-routes",
            false,
            r ->
                destinations(r)
                    .map(d -> new ResourceID(d.getAppName(), ns(r)))
                    .collect(Collectors.toSet()));
    // Only read for the repository URL of buildpack apps; its changes reach apps as new revisions.
    gitSources = informer(context, GitSource.class, "cfapp-gitsources", true, g -> Set.of());
    var pods =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, CFApp.class)
                .withName("cfapp-pods")
                .withLabelSelector(Labels.APP)
                .withSecondaryToPrimaryMapper(
                    (Pod p) ->
                        Set.of(new ResourceID(p.getMetadata().getLabels().get(Labels.APP), ns(p))))
                .withItemStore(lean(context, false, LeanStore.podStatus()))
                .build(),
            context);
    return List.of(secrets, spaces, orgs, routes, gitSources, pods);
  }

  Optional<Secret> secret(String namespace, String name) {
    return secrets.get(new ResourceID(name, namespace));
  }

  /** The CFSpace whose Namespace the app runs in. */
  Optional<CFSpace> spaceFor(String appNamespace) {
    return spaces.list(s -> appNamespace.equals(s.getSpec().getNamespace())).findFirst();
  }

  Optional<GitSource> gitSource(String namespace, String name) {
    if (namespace == null || name == null) {
      return Optional.empty();
    }
    return gitSources.get(new ResourceID(name, namespace));
  }

  Optional<CFOrg> org(String namespace, String name) {
    return orgs.get(new ResourceID(name, namespace));
  }

  /** CFRoutes in the app's namespace with a destination naming the app. */
  List<CFRoute> routesTo(CFApp app) {
    String namespace = app.getMetadata().getNamespace();
    String name = app.getMetadata().getName();
    return routes
        .list(
            r ->
                namespace.equals(ns(r))
                    && destinations(r).anyMatch(d -> name.equals(d.getAppName())))
        .sorted(Comparator.comparing(r -> r.getMetadata().getName()))
        .toList();
  }

  static boolean references(CFApp app, String secretName) {
    if (secretName.equals(app.getSpec().getEnvSecretName())) {
      return true;
    }
    List<ServiceBinding> services = app.getSpec().getServices();
    return services != null && services.stream().anyMatch(s -> secretName.equals(s.getName()));
  }

  private static <R extends HasMetadata> InformerEventSource<R, CFApp> informer(
      EventSourceContext<CFApp> context,
      Class<R> type,
      String name,
      boolean allNamespaces,
      SecondaryToPrimaryMapper<R> mapper) {
    var config =
        InformerEventSourceConfiguration.from(type, CFApp.class)
            .withName(name)
            .withSecondaryToPrimaryMapper(mapper)
            .withItemStore(lean(context, allNamespaces, new LeanStore<>(AppSources::trim)));
    if (type == Secret.class) {
      // An app reads its env and service Secrets; the runtime Secrets it makes are not inputs.
      config.withLabelSelector("!" + WorkloadLabels.COMPONENT);
    }
    if (allNamespaces) {
      // Orgs and spaces live in the GitSource's namespace, not in the apps' namespaces.
      config.withWatchAllNamespaces();
    }
    return new InformerEventSource<>(config.build(), context);
  }

  /** The lean store, or JOSDK's own where it starts an informer per namespace. */
  private static <R extends HasMetadata> LeanStore<R> lean(
      EventSourceContext<CFApp> context, boolean allNamespaces, LeanStore<R> store) {
    return allNamespaces
            || LeanStore.fitsOneInformer(
                context.getControllerConfiguration().getInformerConfig().getNamespaces())
        ? store
        : null;
  }

  /** GitSources are read for their repository URL only: their status (history) stays out. */
  private static <R extends HasMetadata> void trim(R object) {
    if (object instanceof GitSource source) {
      source.setStatus(null);
    }
  }

  private static Set<ResourceID> appsIn(Stream<CFApp> apps, Predicate<CFApp> filter) {
    return apps.filter(filter).map(ResourceID::fromResource).collect(Collectors.toSet());
  }

  private static Stream<RouteDestination> destinations(CFRoute route) {
    var destinations = route.getSpec().getDestinations();
    return destinations == null ? Stream.empty() : destinations.stream().filter(Objects::nonNull);
  }

  private static String ns(HasMetadata resource) {
    return resource.getMetadata().getNamespace();
  }

  private static String name(HasMetadata resource) {
    return resource.getMetadata().getName();
  }
}
