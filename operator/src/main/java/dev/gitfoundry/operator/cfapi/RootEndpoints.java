package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documents the CLI reads before and around login: the root ({@code cf api}), {@code /v3},
 * {@code /v3/info} and {@code /whoami}.
 */
final class RootEndpoints {
  /**
   * From 3.211.0 on, {@code cf apps} asks for all instances of a space in one request ({@code
   * embed=process_instances}) instead of one stats request per process; the API serves both.
   */
  static final String CC_API_VERSION = "3.211.0+gitfoundry";

  private RootEndpoints() {}

  static void register(Router router) {
    router.publicGet("/", (request, p) -> root(request.baseUrl));
    router.publicGet("/v3", (request, p) -> v3(request.baseUrl));
    router.publicGet("/v3/info", (request, p) -> info(request.baseUrl));
    router.get("/whoami", (request, p) -> whoami(request.caller));
  }

  /**
   * {@code cf_on_k8s: true} makes the CLI log in with kubeconfig users instead of UAA; the {@code
   * login} link is required by the CLI but never called in that mode. Log cache is this host (the
   * CLI's client replaces the path with {@code /api/v1/...}); routing is {@code /routing}, so
   * {@code cf router-groups} finds none instead of failing.
   */
  static ObjectNode root(String base) {
    ObjectNode body = CfJson.object();
    ObjectNode links = body.putObject("links");
    links.set("self", CfJson.link(base));
    ObjectNode v3 = CfJson.link(base + "/v3");
    v3.putObject("meta").put("version", CC_API_VERSION);
    links.set("cloud_controller_v3", v3);
    links.set("login", CfJson.link(base));
    links.putNull("uaa");
    links.set("log_cache", CfJson.link(base));
    links.putNull("logging");
    links.set("routing", CfJson.link(base + "/routing"));
    links.putNull("network_policy_v1");
    links.putNull("app_ssh");
    body.put("cf_on_k8s", true);
    return body;
  }

  private static ObjectNode v3(String base) {
    ObjectNode body = CfJson.object();
    ObjectNode links = body.putObject("links");
    for (String resource :
        new String[] {"apps", "organizations", "spaces", "processes", "routes", "domains"}) {
      links.set(resource, CfJson.link(base + "/v3/" + resource));
    }
    links.set("self", CfJson.link(base + "/v3"));
    return body;
  }

  private static ObjectNode info(String base) {
    ObjectNode body = CfJson.object();
    body.put("name", "gitfoundry");
    body.put("build", CC_API_VERSION);
    body.put("version", 0);
    body.put(
        "description", "Gitfoundry: a read-only CF API; the foundation is managed through Git");
    ObjectNode cli = body.putObject("cli_version");
    cli.put("minimum", "8.5.0");
    cli.put("recommended", "8.5.0");
    body.putObject("custom");
    ObjectNode links = body.putObject("links");
    links.set("self", CfJson.link(base + "/v3/info"));
    links.putNull("support");
    return body;
  }

  private static ObjectNode whoami(Identity caller) {
    ObjectNode body = CfJson.object();
    body.put("name", caller.name());
    body.put("kind", caller.kind());
    return body;
  }
}
