package dev.gitfoundry.operator.cfapi;

import com.sun.net.httpserver.HttpHandler;
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
  private final CfApiHandler handler;

  public CfApi(KubernetesClient client, OperatorConfig config, Clock clock) {
    foundation = new FoundationCache(client);
    Visibility visibility = new Visibility(client, foundation, clock);
    Function<CfRequest, CallerView> views =
        request -> new CallerView(foundation, visibility, request.caller);
    Router router = new Router();
    RootEndpoints.register(router);
    new OrgEndpoints(views).register(router);
    new RouteEndpoints(views, config.defaultDomain()).register(router);
    new AppEndpoints(views, clock).register(router);
    new TenantLimitsEndpoints(views).register(router);
    StubEndpoints.register(router);
    handler =
        new CfApiHandler(
            router,
            new Authenticator(client, clock),
            new WriteRefusal(client, foundation),
            stripTrailingSlash(config.publicBaseUrl().toString()),
            foundation::awaitSynced);
  }

  /** Starts the informers; requests wait for their first sync. */
  public void start() {
    foundation.start();
  }

  public HttpHandler handler() {
    return handler;
  }

  @Override
  public void close() {
    foundation.close();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
