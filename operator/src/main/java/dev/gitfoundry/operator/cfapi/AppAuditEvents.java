package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.compiler.repository.StableGuids;
import dev.gitfoundry.gitsync.CommitInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The audit event one applied revision records for one app, in Cloud Controller's shape: {@code
 * audit.app.create}, {@code audit.app.update} or {@code audit.app.delete-request}, acted by the
 * commit's author. {@code data.request} holds what Cloud Controller's request would have held, so
 * {@code cf events} describes it the same way (instances, memory, disk_quota, state, command; env
 * values are never shown, as on CF); {@code data.commit} names the commit and {@code
 * data.changed_fields} every field the revision changed.
 */
final class AppAuditEvents {
  static final String CREATE = "audit.app.create";
  static final String UPDATE = "audit.app.update";
  static final String DELETE = "audit.app.delete-request";
  static final String CRASH = "app.crash";
  private static final String HIDDEN = "[PRIVATE DATA HIDDEN]";

  private AppAuditEvents() {}

  /** Where the app is, as CF names it: its GUID, and its space's and org's GUIDs and names. */
  record Placement(
      String appGuid, String spaceGuid, String spaceName, String orgGuid, String orgName) {}

  /**
   * @param app the CFApp as the revision left it (null when it was removed or is not needed)
   */
  static ObjectNode of(
      GitSource source,
      String revision,
      CommitInfo commit,
      AppChange change,
      CFApp app,
      Placement placement,
      Instant at) {
    String appGuid = placement.appGuid();
    String type = type(change.getAction());
    ObjectNode event = CfJson.object();
    event.put("guid", StableGuids.of("audit-event", appGuid, commit.sha(), type));
    // Whole seconds, as Cloud Controller writes them; ordering compares these strings.
    String time = at.truncatedTo(ChronoUnit.SECONDS).toString();
    event.put("created_at", time);
    event.put("updated_at", time);
    event.put("type", type);
    ObjectNode actor = event.putObject("actor");
    String author = commit.authorEmail().isEmpty() ? commit.authorName() : commit.authorEmail();
    actor.put("guid", StableGuids.of("git-author", author));
    actor.put("type", "user");
    actor.put("name", author.isEmpty() ? "unknown" : author);
    ObjectNode target = event.putObject("target");
    target.put("guid", appGuid);
    target.put("type", "app");
    target.put("name", change.getApp());
    ObjectNode data = event.putObject("data");
    data.set("request", request(change, app));
    List<String> fields = change.getFields() == null ? List.of() : change.getFields();
    fields.forEach(data.putArray("changed_fields")::add);
    ObjectNode commitJson = data.putObject("commit");
    commitJson.put("sha", commit.sha());
    commitJson.put("short_sha", commit.sha().substring(0, Math.min(7, commit.sha().length())));
    commitJson.put("subject", commit.subject());
    commitJson.put("author", commit.authorName());
    commitJson.put("author_email", commit.authorEmail());
    if (commit.committedAt() != null) {
      commitJson.put("committed_at", commit.committedAt().toString());
    }
    data.put("revision", revision);
    if (source.getSpec() != null && source.getSpec().getUrl() != null) {
      data.put("repository", WriteRefusal.withoutCredentials(source.getSpec().getUrl()));
    }
    if (app != null && app.getSpec().getSource() != null) {
      data.put("manifest", app.getSpec().getSource().getFile());
    }
    event.putObject("space").put("guid", placement.spaceGuid()).put("name", placement.spaceName());
    event
        .putObject("organization")
        .put("guid", placement.orgGuid())
        .put("name", placement.orgName());
    return event;
  }

  private static String type(String action) {
    return switch (action == null ? "" : action) {
      case AppChange.ADDED -> CREATE;
      case AppChange.REMOVED -> DELETE;
      default -> UPDATE;
    };
  }

  /**
   * What the revision set, under the keys Cloud Controller's own request bodies use: a create names
   * the app; an update lists the new value of each changed field the CLI describes.
   */
  private static ObjectNode request(AppChange change, CFApp app) {
    ObjectNode request = CfJson.object();
    if (AppChange.ADDED.equals(change.getAction())) {
      request.put("name", change.getApp());
      return request;
    }
    if (!AppChange.CHANGED.equals(change.getAction()) || change.getFields() == null) {
      return request;
    }
    for (String field : change.getFields()) {
      // Paths as the delivery pipeline writes them: processes[web].instances, desiredState, env.X
      String last = field.substring(field.lastIndexOf('.') + 1);
      ProcessSpec process = app == null ? null : processNamedIn(app, field);
      if (field.equals("env") || field.startsWith("env.")) {
        request.put("environment_json", HIDDEN);
      } else if (app != null && field.equals("desiredState")) {
        request.put("state", AppJson.state(app));
      } else if (process != null && field.startsWith("processes")) {
        switch (last) {
          case "instances" -> request.put("instances", ProcessJson.instances(process));
          case "memoryMB" -> putIfSet(request, "memory", process.getMemoryMB());
          case "diskMB" -> putIfSet(request, "disk_quota", process.getDiskMB());
          case "command" -> {
            if (process.getCommand() != null) {
              request.put("command", process.getCommand());
            }
          }
          default -> {}
        }
      }
    }
    return request;
  }

  private static void putIfSet(ObjectNode request, String key, Long value) {
    if (value != null) {
      request.put(key, value);
    }
  }

  /**
   * The process a changed field belongs to ({@code processes.worker.instances}), else the one CF
   * shows an app's sizes and instances for: its web process, else its first.
   */
  private static ProcessSpec processNamedIn(CFApp app, String field) {
    List<ProcessSpec> processes = FoundationCache.processesOf(app);
    List<String> tokens = List.of(field.split("[^A-Za-z0-9_-]+"));
    return processes.stream()
        .filter(p -> tokens.contains(p.getType()))
        .findFirst()
        .or(() -> processes.stream().filter(p -> "web".equals(p.getType())).findFirst())
        .orElse(processes.isEmpty() ? null : processes.get(0));
  }
}
