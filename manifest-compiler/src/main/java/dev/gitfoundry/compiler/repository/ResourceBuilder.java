package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppSpec;
import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFOrgSpec;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFRouteSpec;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.CFSpaceSpec;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.HealthCheck;
import dev.gitfoundry.api.v1alpha1.Lifecycle;
import dev.gitfoundry.api.v1alpha1.LifecycleType;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import dev.gitfoundry.api.v1alpha1.RouteOptions;
import dev.gitfoundry.api.v1alpha1.SecurityGroupSpec;
import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import dev.gitfoundry.api.v1alpha1.Sidecar;
import dev.gitfoundry.api.v1alpha1.SourceLocation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.foundation.QuotaDefinition;
import dev.gitfoundry.compiler.manifest.AppDefinition;
import dev.gitfoundry.compiler.manifest.ProcessDefinition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Maps compiled orgs, spaces and apps to the custom resources (and env Secrets) to apply. */
final class ResourceBuilder {
  private final CompilerSettings settings;
  private final List<HasMetadata> objects = new ArrayList<>();

  ResourceBuilder(CompilerSettings settings) {
    this.settings = settings;
  }

  List<HasMetadata> objects() {
    return objects;
  }

  void org(String org, ConfigFiles.OrgOrSpace config, QuotaDefinition quota) {
    CFOrg resource = new CFOrg();
    Map<String, String> labels = labels(org, null, null);
    labels.put(Labels.GUID, Names.orgGuid(settings, org));
    resource.setMetadata(meta(Names.org(org), settings.sourceNamespace(), labels));
    CFOrgSpec spec = new CFOrgSpec();
    spec.setDisplayName(org);
    spec.setNamespace(Names.org(org));
    spec.setCfMetadata(config.metadata());
    spec.setRoles(config.roles().isEmpty() ? null : config.roles());
    spec.setQuota(quota == null ? null : quota(quota, Names.orgQuotaGuid(settings, quota.name())));
    resource.setSpec(spec);
    objects.add(resource);
  }

  /**
   * A space, its quota and its org's (copied so that the space's Namespace limits need nothing
   * else), and the security groups of its running apps.
   */
  void space(
      SpacePlan plan,
      QuotaDefinition spaceQuota,
      QuotaDefinition orgQuota,
      boolean restrictEgress,
      List<FoundationBindings.AppliedGroup> groups) {
    CFSpace resource = new CFSpace();
    String name = Names.space(plan.org(), plan.space());
    Map<String, String> spaceLabels = labels(plan.org(), plan.space(), null);
    spaceLabels.put(Labels.GUID, Names.spaceGuid(settings, plan.org(), plan.space()));
    resource.setMetadata(meta(name, settings.sourceNamespace(), spaceLabels));
    CFSpaceSpec spec = new CFSpaceSpec();
    spec.setDisplayName(plan.space());
    spec.setOrgName(Names.org(plan.org()));
    spec.setNamespace(name);
    spec.setCfMetadata(plan.config().metadata());
    spec.setRoles(plan.config().roles().isEmpty() ? null : plan.config().roles());
    if (spaceQuota != null) {
      spec.setQuota(
          quota(spaceQuota, Names.spaceQuotaGuid(settings, plan.org(), spaceQuota.name())));
    }
    if (orgQuota != null) {
      spec.setOrgQuota(quota(orgQuota, Names.orgQuotaGuid(settings, orgQuota.name())));
    }
    if (restrictEgress) {
      spec.setRestrictEgress(true);
      spec.setSecurityGroups(groups.stream().map(this::securityGroup).toList());
    }
    resource.setSpec(spec);
    objects.add(resource);
    Map<String, RouteAccumulator> routes = new TreeMap<>();
    for (SpacePlan.PlannedApp planned : plan.apps()) {
      app(plan, planned);
      for (ResolvedRoute route : planned.routes()) {
        // One CFRoute per URL: destinations carry their own protocol (http1/http2), so two apps
        // sharing a route with different protocols must not yield two objects of the same name.
        routes
            .computeIfAbsent(route.url(), k -> new RouteAccumulator(route))
            .apps
            .put(Names.app(planned.app().name()), route.protocol());
      }
    }
    // Distinct URLs can clean up to one name (x.apps.example.com, x-apps.example.com): those
    // get a hash of their URL so that neither object overwrites the other.
    Map<String, Integer> nameUses = new TreeMap<>();
    routes.keySet().forEach(url -> nameUses.merge(Names.route(url), 1, Integer::sum));
    routes.forEach(
        (url, route) ->
            route(
                plan,
                route,
                nameUses.get(Names.route(url)) > 1
                    ? KubernetesNames.label(url, 63)
                    : Names.route(url)));
  }

  private void app(SpacePlan plan, SpacePlan.PlannedApp planned) {
    AppDefinition app = planned.app();
    String namespace = Names.space(plan.org(), plan.space());
    String name = Names.app(app.name());
    Map<String, String> labels = labels(plan.org(), plan.space(), name);
    labels.put(Labels.APP_GUID, Names.appGuid(settings, plan.org(), plan.space(), app.name()));

    Secret env =
        new SecretBuilder()
            .withMetadata(meta(name + "-env", namespace, labels))
            .withType("Opaque")
            .withStringData(new TreeMap<>(app.env()))
            .build();
    objects.add(env);

    CFApp resource = new CFApp();
    Map<String, String> appLabels = new LinkedHashMap<>(labels);
    appLabels.put(Labels.GUID, labels.get(Labels.APP_GUID));
    resource.setMetadata(meta(name, namespace, appLabels));
    CFAppSpec spec = new CFAppSpec();
    spec.setDisplayName(app.name());
    spec.setOrgName(Names.org(plan.org()));
    spec.setSpaceName(namespace);
    spec.setLifecycle(lifecycle(app.lifecycle(), planned.bitsPath()));
    spec.setEnvSecretName(env.getMetadata().getName());
    spec.setProcesses(app.processes().stream().map(ResourceBuilder::process).toList());
    spec.setServices(app.services().stream().map(ResourceBuilder::service).toList());
    spec.setSidecars(app.sidecars().stream().map(ResourceBuilder::sidecar).toList());
    spec.setFeatures(app.features().isEmpty() ? null : new TreeMap<>(app.features()));
    spec.setDesiredState(DesiredState.STARTED);
    spec.setCfMetadata(metadata(app.metadata().labels(), app.metadata().annotations()));
    SourceLocation source = new SourceLocation();
    source.setFile(planned.file());
    source.setLine(app.position().line());
    spec.setSource(source);
    resource.setSpec(spec);
    objects.add(resource);
  }

  private void route(SpacePlan plan, RouteAccumulator accumulated, String name) {
    ResolvedRoute route = accumulated.route;
    CFRoute resource = new CFRoute();
    String namespace = Names.space(plan.org(), plan.space());
    resource.setMetadata(meta(name, namespace, labels(plan.org(), plan.space(), null)));
    CFRouteSpec spec = new CFRouteSpec();
    spec.setHost(route.host());
    spec.setDomain(route.domain());
    spec.setPath(route.path().isEmpty() ? null : route.path());
    spec.setPort(route.port());
    spec.setProtocol(route.protocol());
    if (route.loadbalancing() != null) {
      RouteOptions options = new RouteOptions();
      options.setLoadbalancing(route.loadbalancing());
      spec.setOptions(options);
    }
    List<RouteDestination> destinations = new ArrayList<>();
    for (Map.Entry<String, String> app : accumulated.apps.entrySet()) {
      RouteDestination destination = new RouteDestination();
      destination.setAppName(app.getKey());
      destination.setProcessType("web");
      destination.setPort(8080);
      destination.setProtocol(app.getValue());
      destinations.add(destination);
    }
    spec.setDestinations(destinations);
    resource.setSpec(spec);
    objects.add(resource);
  }

  private static QuotaSpec quota(QuotaDefinition definition, String guid) {
    QuotaSpec quota = new QuotaSpec();
    quota.setName(definition.name());
    quota.setGuid(guid);
    quota.setTotalMemoryMB(definition.totalMemoryMb());
    quota.setInstanceMemoryMB(definition.instanceMemoryMb());
    quota.setAppInstances(definition.appInstances());
    quota.setRoutes(definition.routes());
    quota.setReservedRoutePorts(definition.reservedRoutePorts());
    quota.setServiceInstances(definition.serviceInstances());
    quota.setLogRateLimitBytesPerSecond(definition.logRateLimitBytesPerSecond());
    quota.setPaidServicePlans(definition.paidServicePlans());
    return quota;
  }

  private SecurityGroupSpec securityGroup(FoundationBindings.AppliedGroup applied) {
    SecurityGroupSpec group = new SecurityGroupSpec();
    group.setName(applied.group().name());
    group.setGuid(Names.securityGroupGuid(settings, applied.group().name()));
    group.setGlobal(applied.global() ? true : null);
    group.setBound(applied.bound() ? true : null);
    group.setRules(applied.group().rules());
    return group;
  }

  private static Lifecycle lifecycle(
      AppDefinition.LifecycleDefinition definition, String bitsPath) {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.setType(LifecycleType.valueOf(definition.type().toUpperCase(Locale.ROOT)));
    lifecycle.setImage(definition.image());
    lifecycle.setUsername(definition.username());
    lifecycle.setBuildpacks(definition.buildpacks().isEmpty() ? null : definition.buildpacks());
    lifecycle.setStack(definition.stack());
    lifecycle.setPath(definition.type().equals("docker") ? null : bitsPath);
    return lifecycle;
  }

  private static ProcessSpec process(ProcessDefinition definition) {
    ProcessSpec process = new ProcessSpec();
    process.setType(definition.type());
    process.setCommand(definition.command());
    process.setUser(definition.user());
    process.setInstances(definition.instances());
    process.setMemoryMB(definition.memoryMb());
    process.setDiskMB(definition.diskMb());
    process.setLogRateLimitBytesPerSecond(definition.logRateLimitBytesPerSecond());
    process.setHealthCheck(check(definition.healthCheck()));
    process.setReadinessCheck(check(definition.readinessCheck()));
    process.setTimeoutSeconds(definition.timeoutSeconds());
    return process;
  }

  private static HealthCheck check(dev.gitfoundry.compiler.manifest.HealthCheck definition) {
    HealthCheck check = new HealthCheck();
    check.setType(definition.type());
    check.setEndpoint(definition.endpoint());
    check.setInvocationTimeoutSeconds(definition.invocationTimeoutSeconds());
    check.setIntervalSeconds(definition.intervalSeconds());
    return check;
  }

  private static ServiceBinding service(
      dev.gitfoundry.compiler.manifest.ServiceBindingRequest request) {
    ServiceBinding binding = new ServiceBinding();
    binding.setName(request.name());
    binding.setBindingName(request.bindingName());
    binding.setParameters(request.parameters().isEmpty() ? null : request.parameters());
    return binding;
  }

  private static Sidecar sidecar(dev.gitfoundry.compiler.manifest.SidecarDefinition definition) {
    Sidecar sidecar = new Sidecar();
    sidecar.setName(definition.name());
    sidecar.setCommand(definition.command());
    sidecar.setProcessTypes(definition.processTypes());
    sidecar.setMemoryMB(definition.memoryMb());
    return sidecar;
  }

  private static CFMetadata metadata(Map<String, String> labels, Map<String, String> annotations) {
    if (labels.isEmpty() && annotations.isEmpty()) {
      return null;
    }
    CFMetadata metadata = new CFMetadata();
    metadata.setLabels(labels.isEmpty() ? null : new TreeMap<>(labels));
    metadata.setAnnotations(annotations.isEmpty() ? null : new TreeMap<>(annotations));
    return metadata;
  }

  private Map<String, String> labels(String org, String space, String app) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    labels.put(Labels.SOURCE, settings.sourceName());
    labels.put(Labels.SOURCE_NAMESPACE, settings.sourceNamespace());
    labels.put(Labels.ORG, Names.org(org));
    if (space != null) {
      labels.put(Labels.SPACE, Names.space(org, space));
    }
    if (app != null) {
      labels.put(Labels.APP, app);
    }
    return labels;
  }

  private static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(namespace);
    meta.setLabels(new LinkedHashMap<>(labels));
    return meta;
  }

  /** A route and the apps in one space that it sends traffic to. */
  private static final class RouteAccumulator {
    final ResolvedRoute route;
    final Map<String, String> apps = new TreeMap<>();

    RouteAccumulator(ResolvedRoute route) {
      this.route = route;
    }
  }
}
