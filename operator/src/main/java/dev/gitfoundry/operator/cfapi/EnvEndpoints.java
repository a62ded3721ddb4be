package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import java.util.function.Function;

/**
 * {@code cf env APP} ({@code /v3/apps/:guid/env}) and the environment variable groups. As on Cloud
 * Foundry, env is shown only to those who may see credentials: here, callers whose RBAC lets them
 * read Secrets in the space (space developers); others (auditors, managers) get {@code
 * CF-NotAuthorized}. This foundation has no environment variable groups.
 */
final class EnvEndpoints {
  private final Function<CfRequest, CallerView> views;
  private final Permissions permissions;
  private final AppEnvironment environment;

  EnvEndpoints(
      Function<CfRequest, CallerView> views, Permissions permissions, AppEnvironment environment) {
    this.views = views;
    this.permissions = permissions;
    this.environment = environment;
  }

  void register(Router router) {
    router.get("/v3/apps/:guid/env", (request, p) -> env(request, p.get("guid")));
    router.get(
        "/v3/environment_variable_groups/:name", (request, p) -> group(request, p.get("name")));
  }

  private ObjectNode env(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFApp app = view.visibleApp(guid);
    permissions.require(
        view.caller(), app.getMetadata().getNamespace(), Permissions.Permission.READ_SECRETS);
    return environment.of(app);
  }

  private static ObjectNode group(CfRequest request, String name) {
    if (!name.equals("running") && !name.equals("staging")) {
      throw CfError.resourceNotFound("Environment variable group");
    }
    ObjectNode body = CfJson.object();
    body.putNull("updated_at");
    body.put("name", name);
    body.putObject("var");
    body.putObject("links")
        .set("self", CfJson.link(request.baseUrl + "/v3/environment_variable_groups/" + name));
    return body;
  }
}
