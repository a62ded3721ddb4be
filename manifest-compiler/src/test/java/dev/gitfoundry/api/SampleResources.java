package dev.gitfoundry.api;

import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppSpec;
import dev.gitfoundry.api.v1alpha1.CFAppStatus;
import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFOrgStatus;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFRouteSpec;
import dev.gitfoundry.api.v1alpha1.CFRouteStatus;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.CFSpaceStatus;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.HealthCheck;
import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import dev.gitfoundry.api.v1alpha1.Lifecycle;
import dev.gitfoundry.api.v1alpha1.LifecycleType;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.ProcessStatus;
import dev.gitfoundry.api.v1alpha1.ResourceStatus;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import dev.gitfoundry.api.v1alpha1.RouteDestination;
import dev.gitfoundry.api.v1alpha1.RouteOptions;
import dev.gitfoundry.api.v1alpha1.SecretKeyRef;
import dev.gitfoundry.api.v1alpha1.SecretRef;
import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import dev.gitfoundry.api.v1alpha1.Sidecar;
import dev.gitfoundry.api.v1alpha1.SourceDiagnostic;
import dev.gitfoundry.api.v1alpha1.SourceLocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One fully populated object of each resource, for the serialization tests. */
final class SampleResources {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  static final String REVISION = "main@sha1:0123456789abcdef0123456789abcdef01234567";

  private SampleResources() {}

  static GitSource gitSource() {
    GitSource s = named(new GitSource(), "manifests");
    GitSourceSpec spec = s.getSpec();
    spec.setUrl("https://git.example.com/acme/manifests.git");
    spec.setBranch("main");
    spec.setPath("/");
    spec.setInterval("1m");
    spec.setSecretRef(secret("git-credentials"));
    ForgeSpec forge = new ForgeSpec();
    forge.setType(ForgeType.GITEA);
    forge.setApiUrl("https://git.example.com/api/v1");
    forge.setTokenSecretRef(secretKey("forge", "token"));
    forge.setWebhookSecretRef(secretKey("forge", "webhook"));
    forge.setStatusContext("gitfoundry");
    spec.setForge(forge);
    PreviewSpec previews = new PreviewSpec();
    previews.setEnabled(true);
    previews.setMaxOpen(5);
    previews.setAllowForks(false);
    previews.setTtl("72h");
    spec.setPreviews(previews);
    spec.setSuspend(false);
    spec.setPrune(true);
    spec.setDefaultDomain("apps.example.com");
    GitSourceStatus status = status(new GitSourceStatus());
    status.setLastFetchedRevision(REVISION);
    status.setLastAppliedRevision(REVISION);
    status.setLastAttemptedRevision(REVISION);
    InventoryEntry entry = new InventoryEntry();
    entry.setApiVersion("gitfoundry.dev/v1alpha1");
    entry.setKind("CFApp");
    entry.setNamespace("acme-prod");
    entry.setNames(List.of("api", "web"));
    status.setInventory(List.of(entry));
    SourceDiagnostic error = new SourceDiagnostic();
    error.setSeverity("error");
    error.setFile("acme/prod/web/manifest.yml");
    error.setLine(7);
    error.setColumn(13);
    error.setApp("web");
    error.setMessage("memory: '1X' is not a size");
    status.setErrors(List.of(error));
    status.setErrorCount(1);
    PostedCommitStatus posted = new PostedCommitStatus();
    posted.setSha("0123456789abcdef0123456789abcdef01234567");
    posted.setContext("gitfoundry");
    posted.setState("success");
    posted.setDescription("3/3 apps running");
    posted.setTargetUrl("https://gitfoundry.example.com/status");
    posted.setPostedAt("2026-12-01T10:00:09Z");
    RevisionRecord revision = new RevisionRecord();
    revision.setRevision("main@sha1:0123456789abcdef0123456789abcdef01234567");
    revision.setSha("0123456789abcdef0123456789abcdef01234567");
    revision.setSubject("Give web more memory");
    revision.setAuthor("Dana Developer");
    revision.setAuthorEmail("dana@example.com");
    revision.setCommittedAt("2026-12-01T10:00:00Z");
    revision.setFetchedAt("2026-12-01T10:00:02Z");
    revision.setAppliedAt("2026-12-01T10:00:03Z");
    revision.setPosted(List.of(posted));
    revision.setChanges(
        List.of(
            new AppChange(
                AppChange.CHANGED, "acme", "prod", "web", "acme-prod", "web", List.of("memory"))));
    revision.setAppsAdded(0);
    revision.setAppsChanged(1);
    revision.setAppsRemoved(0);
    status.setHistory(List.of(revision));
    PreviewStatus preview = new PreviewStatus();
    preview.setNumber(42);
    preview.setHeadSha("89abcdef0123456789abcdef0123456789abcdef");
    preview.setNamespaces(List.of("acme-prod-pr-42"));
    preview.setUrl("https://web-pr-42.apps.example.com");
    preview.setState("ready");
    status.setPreviews(List.of(preview));
    s.setStatus(status);
    return s;
  }

  static CFOrg cfOrg() {
    CFOrg org = named(new CFOrg(), "acme");
    org.getSpec().setDisplayName("ACME Corp");
    org.getSpec().setCfMetadata(cfMetadata());
    org.getSpec().setRoles(List.of(role("OrgManager")));
    org.getSpec().setNamespace("acme");
    CFOrgStatus status = status(new CFOrgStatus());
    status.setGuid("6f1b1d0e-0000-5000-8000-000000000001");
    status.setNamespace("acme");
    org.setStatus(status);
    return org;
  }

  static CFSpace cfSpace() {
    CFSpace space = named(new CFSpace(), "acme-prod");
    space.getSpec().setDisplayName("prod");
    space.getSpec().setOrgName("acme");
    space.getSpec().setCfMetadata(cfMetadata());
    space.getSpec().setRoles(List.of(role("SpaceDeveloper")));
    space.getSpec().setNamespace("acme-prod");
    CFSpaceStatus status = status(new CFSpaceStatus());
    status.setGuid("6f1b1d0e-0000-5000-8000-000000000002");
    status.setNamespace("acme-prod");
    space.setStatus(status);
    return space;
  }

  static CFApp cfApp() {
    CFApp app = named(new CFApp(), "web");
    CFAppSpec spec = app.getSpec();
    spec.setDisplayName("web");
    spec.setOrgName("acme");
    spec.setSpaceName("acme-prod");
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.setType(LifecycleType.BUILDPACK);
    lifecycle.setImage("registry.example.com/acme/web:1");
    lifecycle.setUsername("robot");
    lifecycle.setBuildpacks(List.of("java_buildpack"));
    lifecycle.setStack("cflinuxfs4");
    lifecycle.setPath("acme/prod/web");
    spec.setLifecycle(lifecycle);
    spec.setEnvSecretName("web-env");
    ProcessSpec web = new ProcessSpec();
    web.setType("web");
    web.setCommand("java -jar app.jar");
    web.setUser("vcap");
    web.setInstances(3);
    web.setMemoryMB(1024L);
    web.setDiskMB(2048L);
    web.setLogRateLimitBytesPerSecond(-1L);
    web.setHealthCheck(check("http", "/health"));
    web.setReadinessCheck(check("port", null));
    web.setTimeoutSeconds(60);
    spec.setProcesses(List.of(web));
    ServiceBinding db = new ServiceBinding();
    db.setName("db");
    db.setBindingName("database");
    db.setParameters(new TreeMap<>(Map.of("pool", Map.of("size", 10), "tls", true)));
    spec.setServices(List.of(db));
    Sidecar sidecar = new Sidecar();
    sidecar.setName("proxy");
    sidecar.setCommand("./proxy");
    sidecar.setProcessTypes(List.of("web"));
    sidecar.setMemoryMB(64L);
    spec.setSidecars(List.of(sidecar));
    spec.setFeatures(Map.of("ssh", false));
    spec.setDesiredState(DesiredState.STARTED);
    spec.setCfMetadata(cfMetadata());
    SourceLocation source = new SourceLocation();
    source.setFile("acme/prod/web/manifest.yml");
    source.setLine(3);
    spec.setSource(source);
    CFAppStatus status = status(new CFAppStatus());
    status.setGuid("6f1b1d0e-0000-5000-8000-000000000003");
    ProcessStatus ps = new ProcessStatus();
    ps.setType("web");
    ps.setDesiredInstances(3);
    ps.setReadyInstances(2);
    status.setProcesses(List.of(ps));
    status.setUrls(List.of("https://web.apps.example.com"));
    status.setRevision(REVISION);
    app.setStatus(status);
    return app;
  }

  static CFRoute cfRoute() {
    CFRoute route = named(new CFRoute(), "web-apps-example-com");
    CFRouteSpec spec = route.getSpec();
    spec.setHost("web");
    spec.setDomain("apps.example.com");
    spec.setPath("/api");
    spec.setPort(null);
    spec.setProtocol("http1");
    RouteOptions options = new RouteOptions();
    options.setLoadbalancing("hash");
    options.setHashHeader("X-User");
    options.setHashBalance("1.5");
    spec.setOptions(options);
    RouteDestination destination = new RouteDestination();
    destination.setAppName("web");
    destination.setProcessType("web");
    destination.setPort(8080);
    destination.setWeight(100);
    destination.setProtocol("http1");
    spec.setDestinations(List.of(destination));
    CFRouteStatus status = status(new CFRouteStatus());
    status.setUrl("https://web.apps.example.com/api");
    route.setStatus(status);
    return route;
  }

  private static <R extends dev.gitfoundry.api.v1alpha1.GitfoundryResource<?, ?>> R named(
      R resource, String name) {
    resource.getMetadata().setName(name);
    resource.getMetadata().setNamespace("acme-prod");
    resource.getMetadata().setGeneration(2L);
    resource.getMetadata().setAnnotations(Map.of(Labels.REVISION, REVISION));
    resource.getMetadata().setLabels(Map.of(Labels.SOURCE, "manifests"));
    return resource;
  }

  private static <S extends ResourceStatus> S status(S status) {
    status.setObservedGeneration(2L);
    Conditions.set(status, Conditions.READY, Conditions.TRUE, "Ready", "all good", 2L, NOW);
    return status;
  }

  private static SecretRef secret(String name) {
    SecretRef ref = new SecretRef();
    ref.setName(name);
    return ref;
  }

  private static SecretKeyRef secretKey(String name, String key) {
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName(name);
    ref.setKey(key);
    return ref;
  }

  private static CFMetadata cfMetadata() {
    CFMetadata metadata = new CFMetadata();
    metadata.setLabels(Map.of("team", "payments"));
    metadata.setAnnotations(Map.of("contact", "payments@example.com"));
    return metadata;
  }

  private static RoleAssignment role(String role) {
    RoleAssignment assignment = new RoleAssignment();
    assignment.setRole(role);
    assignment.setUsers(List.of("alice"));
    assignment.setGroups(List.of("acme-admins"));
    assignment.setServiceAccounts(List.of("ci:deployer"));
    return assignment;
  }

  private static HealthCheck check(String type, String endpoint) {
    HealthCheck check = new HealthCheck();
    check.setType(type);
    check.setEndpoint(endpoint);
    check.setInvocationTimeoutSeconds(1);
    check.setIntervalSeconds(10);
    return check;
  }
}
