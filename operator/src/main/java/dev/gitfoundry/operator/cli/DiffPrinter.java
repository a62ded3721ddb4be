package dev.gitfoundry.operator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.operator.delivery.AppDiff;
import dev.gitfoundry.operator.delivery.FieldDiff;
import java.io.PrintWriter;
import java.util.List;

/** How {@code gitfoundry diff} prints: a line per app and per field, or JSON for tools. */
final class DiffPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiffPrinter() {}

  static void text(List<AppDiff> diffs, String before, String after, PrintWriter out) {
    out.println("comparing " + after + " with " + before);
    for (AppDiff diff : diffs) {
      String sign =
          switch (diff.action()) {
            case AppChange.ADDED -> "+";
            case AppChange.REMOVED -> "-";
            default -> "~";
          };
      out.println(
          sign + " " + diff.org() + "/" + diff.space() + "/" + diff.app() + ": " + diff.action());
      for (FieldDiff.Change field : diff.fields()) {
        out.println("    " + field.path() + ": " + AppDiff.describe(field));
      }
    }
    if (diffs.isEmpty()) {
      out.println("no app differs");
    } else {
      out.println(
          diffs.size()
              + " app(s) differ: "
              + count(diffs, AppChange.ADDED)
              + " added, "
              + count(diffs, AppChange.CHANGED)
              + " changed, "
              + count(diffs, AppChange.REMOVED)
              + " removed");
    }
  }

  static void json(List<AppDiff> diffs, String before, String after, PrintWriter out)
      throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("before", before);
    root.put("after", after);
    root.put("equal", diffs.isEmpty());
    ArrayNode apps = root.putArray("apps");
    for (AppDiff diff : diffs) {
      ObjectNode app = apps.addObject();
      app.put("action", diff.action());
      app.put("org", diff.org());
      app.put("space", diff.space());
      app.put("app", diff.app());
      ArrayNode fields = app.putArray("fields");
      for (FieldDiff.Change change : diff.fields()) {
        ObjectNode field = fields.addObject();
        field.put("path", change.path());
        field.set("before", change.before());
        field.set("after", change.after());
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("added", count(diffs, AppChange.ADDED));
    summary.put("changed", count(diffs, AppChange.CHANGED));
    summary.put("removed", count(diffs, AppChange.REMOVED));
    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  private static long count(List<AppDiff> diffs, String action) {
    return diffs.stream().filter(d -> action.equals(d.action())).count();
  }
}
