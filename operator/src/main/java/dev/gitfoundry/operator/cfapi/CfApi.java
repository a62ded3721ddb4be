package dev.gitfoundry.operator.cfapi;

import com.sun.net.httpserver.HttpHandler;
import dev.gitfoundry.operator.cache.ClusterCaches;
import dev.gitfoundry.operator.config.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.function.Function;

/**
 * The read-only CF V3 API for the cf CLI, served on the operator's port. The foundation comes from
 * informer caches; callers are authenticated and authorised by the Kubernetes API server; writes
 * are refused with a pointer to the Git repository. See design.md, "Read-only CF V3 API".
 */
public final class CfApi implements AutoCloseable {
  private final FoundationCache foundation;
  private final AuditEventCache auditEvents;
  private final CfApiHandler handler;

  public CfApi(KubernetesClient client, OperatorConfig config, ClusterCaches caches, Clock clock) {
    foundation = new FoundationCache(client, caches);
    auditEvents = new AuditEventCache(client);
    Permissions permissions = new Permissions(client, clock);
    Visibility visibility = new Visibility(permissions, foundation);
    Function<CfRequest, CallerView> views =
        request -> new CallerView(foundation, visibility, request.caller);
    Router router = new Router();
    RootEndpoints.register(router);
    new OrgEndpoints(views).register(router);
    new RouteEndpoints(views, config.defaultDomain()).register(router);
    new AppEndpoints(views, new MetricsApiUsage(client, clock), clock).register(router);
    new TenantLimitsEndpoints(views).register(router);
    registerReadSide(router, views, permissions, client, clock);
    StubEndpoints.register(router);
    handler =
        new CfApiHandler(
            router,
            new Authenticator(client, clock),
            new WriteRefusal(client, foundation),
            stripTrailingSlash(config.publicBaseUrl().toString()),
            foundation::awaitSynced);
  }

  /** Env, services, events, revisions, roles, logs, manifests and the foundation's facts. */
  private void registerReadSide(
      Router router,
      Function<CfRequest, CallerView> views,
      Permissions permissions,
      KubernetesClient client,
      Clock clock) {
    new EnvEndpoints(views, permissions, new AppEnvironment(client)).register(router);
    new ServiceEndpoints(views, new ServiceInstances(client, clock), permissions, client)
        .register(router);
    new AuditEventEndpoints(views, auditEvents).register(router);
    new RevisionEndpoints(views, auditEvents).register(router);
    new RoleEndpoints(views).register(router);
    new LogCacheEndpoints(views, permissions, new LogCacheReads(new PodLogs(client)), clock)
        .register(router);
    new ManifestEndpoint(views, permissions, new GitManifests(client)).register(router);
    new FoundationFacts(views).register(router);
  }

  /** Starts the informers; requests wait for their first sync. */
  public void start() {
    foundation.start(auditEvents.start());
  }

  public HttpHandler handler() {
    return handler;
  }

  @Override
  public void close() {
    foundation.close();
    auditEvents.close();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
