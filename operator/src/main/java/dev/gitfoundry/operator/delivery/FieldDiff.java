package dev.gitfoundry.operator.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Field-by-field comparison of object trees, with readable paths ({@code
 * spec.processes[web].instances}: list elements are named by their {@code type} or {@code name}
 * when they have one, by their index otherwise).
 *
 * <p>Two questions: does a live object already hold everything a desired one asks for (fields the
 * server or others added are ignored, lists must match exactly), and what differs between two
 * desired trees.
 */
public final class FieldDiff {
  /** One field that differs; {@code before} or {@code after} is null when absent on that side. */
  public record Change(String path, JsonNode before, JsonNode after) {}

  private FieldDiff() {}

  /** Paths where {@code live} lacks or contradicts what {@code desired} asks for. */
  public static List<String> unsatisfied(JsonNode desired, JsonNode live) {
    List<String> paths = new ArrayList<>();
    unsatisfied("", desired, live, paths);
    return paths;
  }

  /** Every field that differs between two trees, both ways. */
  public static List<Change> between(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    between("", before, after, changes);
    return changes;
  }

  private static void unsatisfied(String path, JsonNode desired, JsonNode live, List<String> out) {
    if (desired == null || desired.isNull()) {
      return;
    }
    if (live == null || live.isNull() || live.isMissingNode()) {
      if (!(desired.isContainerNode() && desired.isEmpty())) {
        out.add(path.isEmpty() ? "." : path);
      }
      return;
    }
    if (desired.isObject()) {
      if (!live.isObject()) {
        out.add(path);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        unsatisfied(join(path, field.getKey()), field.getValue(), live.get(field.getKey()), out);
      }
      return;
    }
    if (desired.isArray()) {
      if (!live.isArray() || live.size() != desired.size()) {
        out.add(path);
        return;
      }
      for (int i = 0; i < desired.size(); i++) {
        unsatisfied(element(path, desired.get(i), i), desired.get(i), live.get(i), out);
      }
      return;
    }
    if (!sameScalar(desired, live)) {
      out.add(path);
    }
  }

  private static void between(String path, JsonNode before, JsonNode after, List<Change> out) {
    boolean absentBefore = before == null || before.isNull() || before.isMissingNode();
    boolean absentAfter = after == null || after.isNull() || after.isMissingNode();
    if (absentBefore && absentAfter) {
      return;
    }
    if (!absentBefore && !absentAfter && before.isObject() && after.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      before.fieldNames().forEachRemaining(names::add);
      after.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        between(join(path, name), before.get(name), after.get(name), out);
      }
      return;
    }
    if (!absentBefore
        && !absentAfter
        && before.isArray()
        && after.isArray()
        && before.size() == after.size()) {
      for (int i = 0; i < after.size(); i++) {
        between(element(path, after.get(i), i), before.get(i), after.get(i), out);
      }
      return;
    }
    if (absentBefore || absentAfter || !sameScalar(before, after)) {
      out.add(new Change(path, absentBefore ? null : before, absentAfter ? null : after));
    }
  }

  private static boolean sameScalar(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String element(String path, JsonNode element, int index) {
    for (String key : List.of("type", "name")) {
      JsonNode label = element == null ? null : element.get(key);
      if (label != null && label.isTextual()) {
        return path + "[" + label.asText() + "]";
      }
    }
    return path + "[" + index + "]";
  }
}
