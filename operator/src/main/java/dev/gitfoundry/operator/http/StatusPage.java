package dev.gitfoundry.operator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.operator.delivery.RevisionHistory;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /status/<namespace>/<source>/<sha>}: the page a commit status links to. It lists each
 * app of the source with its state; HTML for people, JSON with {@code Accept: application/json}.
 */
final class StatusPage implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KubernetesClient client;

  StatusPage(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().split("/");
    if (!"GET".equals(exchange.getRequestMethod()) || parts.length != 5) {
      Responses.send(exchange, 404, "text/plain", "use /status/<namespace>/<source>/<sha>\n");
      return;
    }
    String namespace = parts[2];
    String name = parts[3];
    String sha = parts[4];
    GitSource source =
        client.resources(GitSource.class).inNamespace(namespace).withName(name).get();
    if (source == null) {
      Responses.send(exchange, 404, "text/plain", "no GitSource " + namespace + "/" + name + "\n");
      return;
    }
    ObjectNode page = page(source, sha);
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (accept != null && accept.contains("application/json")) {
      Responses.send(
          exchange,
          200,
          "application/json",
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(page));
    } else {
      Responses.send(exchange, 200, "text/html; charset=utf-8", html(page));
    }
  }

  private ObjectNode page(GitSource source, String sha) {
    ObjectNode page = JSON.createObjectNode();
    page.put("source", source.getMetadata().getNamespace() + "/" + source.getMetadata().getName());
    page.put("repository", source.getSpec().getUrl());
    page.put("commit", sha);
    String applied =
        source.getStatus() == null ? null : source.getStatus().getLastAppliedRevision();
    page.put("appliedRevision", applied);
    boolean current = applied != null && applied.endsWith(sha);
    page.put("current", current);
    PostedCommitStatus posted =
        RevisionHistory.find(source.getStatus(), sha)
            .flatMap(r -> r.getPosted().stream().reduce((a, b) -> b))
            .orElse(null);
    page.put("state", posted == null ? "unknown" : posted.getState());
    page.put("description", posted == null ? "" : posted.getDescription());
    ArrayNode apps = page.putArray("apps");
    if (current) {
      List<CFApp> items =
          client
              .resources(CFApp.class)
              .inAnyNamespace()
              .withLabels(
                  Map.of(
                      Labels.SOURCE,
                      source.getMetadata().getName(),
                      Labels.SOURCE_NAMESPACE,
                      source.getMetadata().getNamespace()))
              .list()
              .getItems();
      for (CFApp app : items) {
        ObjectNode node = apps.addObject();
        node.put("name", app.getSpec().getDisplayName());
        node.put("org", app.getMetadata().getLabels().get(Labels.ORG));
        node.put("space", app.getMetadata().getNamespace());
        Condition ready =
            app.getStatus() == null
                ? null
                : Conditions.get(app.getStatus(), Conditions.READY).orElse(null);
        node.put("ready", ready != null && "True".equals(ready.getStatus()));
        node.put("reason", ready == null ? "Pending" : ready.getReason());
        node.put("message", ready == null ? "" : ready.getMessage());
        ArrayNode urls = node.putArray("urls");
        if (app.getStatus() != null && app.getStatus().getUrls() != null) {
          app.getStatus().getUrls().forEach(urls::add);
        }
      }
    }
    return page;
  }

  private static String html(ObjectNode page) {
    StringBuilder rows = new StringBuilder();
    page.get("apps")
        .forEach(
            app ->
                rows.append("<tr><td>")
                    .append(Html.escape(app.get("name").asText()))
                    .append("</td><td>")
                    .append(Html.escape(app.get("space").asText()))
                    .append("</td><td>")
                    .append(
                        app.get("ready").asBoolean()
                            ? "ready"
                            : Html.escape(app.get("reason").asText()))
                    .append("</td><td>")
                    .append(Html.escape(app.get("message").asText()))
                    .append("</td></tr>\n"));
    String note =
        page.get("current").asBoolean()
            ? ""
            : "<p>This commit is not the applied revision (applied: "
                + Html.escape(page.get("appliedRevision").asText("none"))
                + ").</p>";
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Gitfoundry "
        + Html.escape(page.get("commit").asText())
        + "</title></head><body><h1>"
        + Html.escape(page.get("source").asText())
        + "</h1><p>Commit <code>"
        + Html.escape(page.get("commit").asText())
        + "</code>: <strong>"
        + Html.escape(page.get("state").asText())
        + "</strong> "
        + Html.escape(page.get("description").asText())
        + "</p>"
        + note
        + "<table><tr><th>App</th><th>Space</th><th>State</th><th>Details</th></tr>\n"
        + rows
        + "</table></body></html>\n";
  }
}
