package dev.gitfoundry.compiler.vars;

import dev.gitfoundry.compiler.yaml.GoFormat;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ((var))} the way the cf CLI does through the bosh template: string values and
 * map keys only, a whole-value placeholder keeps the variable's type, a partial one accepts only
 * strings and integers, and every missing variable is reported at once.
 */
public final class VariableInterpolator {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\((!?[-.\\w\\p{L}]+)\\)\\)");

  /** One problem with where it happened. */
  public record Problem(String message, Position position) {}

  /** The interpolated document and its problems; the document is only usable without problems. */
  public record Result(YamlNode document, List<Problem> problems) {}

  private final Map<String, YamlNode> variables;
  private final Map<String, Position> missing = new TreeMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private VariableInterpolator(Map<String, YamlNode> variables) {
    this.variables = variables;
  }

  public static Result interpolate(YamlNode document, Map<String, YamlNode> variables) {
    VariableInterpolator interpolator = new VariableInterpolator(variables);
    YamlNode result = interpolator.visit(document);
    List<Problem> problems = new ArrayList<>();
    if (!interpolator.missing.isEmpty()) {
      Position first =
          interpolator.missing.values().stream().min(Position::compareTo).orElseThrow();
      problems.add(
          new Problem(
              "Expected to find variables: " + String.join(", ", interpolator.missing.keySet()),
              first));
    }
    problems.addAll(interpolator.problems);
    return new Result(result, problems);
  }

  private YamlNode visit(YamlNode node) {
    if (node == null) {
      return null; // an empty document: the CLI reports it has no applications
    }
    if (node instanceof YamlScalar scalar) {
      return scalar.isString() && scalar.text().contains("((")
          ? substitute(scalar.text(), scalar.position(), scalar)
          : scalar;
    }
    if (node instanceof YamlList list) {
      List<YamlNode> items = new ArrayList<>();
      list.items().forEach(item -> items.add(visit(item)));
      return new YamlList(items, list.position());
    }
    YamlMap map = (YamlMap) node;
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    for (YamlMap.Entry entry : map.entries().values()) {
      String key = entry.key();
      if (key.contains("((") && PLACEHOLDER.matcher(key).find()) {
        YamlNode newKey = substitute(key, entry.keyPosition(), null);
        key = newKey instanceof YamlScalar s ? s.asGoString() : GoFormat.value(newKey);
      }
      entries.put(key, new YamlMap.Entry(key, entry.keyPosition(), visit(entry.value())));
    }
    return new YamlMap(entries, map.position());
  }

  private YamlNode substitute(String text, Position at, YamlScalar original) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    if (!matcher.find()) {
      return original != null ? original : new YamlScalar(text, text, at);
    }
    if (matcher.start() == 0 && matcher.end() == text.length()) {
      YamlNode value = lookup(matcher.group(1), at);
      return value == null ? new YamlScalar(text, text, at) : relocate(value, at);
    }
    matcher.reset();
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      YamlNode value = lookup(matcher.group(1), at);
      String replacement = matcher.group();
      if (value != null) {
        if (value instanceof YamlScalar scalar && (scalar.isString() || scalar.isInteger())) {
          replacement = scalar.text();
        } else {
          problems.add(
              new Problem(
                  "Invalid type '"
                      + value.goTypeName()
                      + "' for value '"
                      + GoFormat.value(value)
                      + "' and variable '"
                      + variableName(matcher.group(1))
                      + "'. Supported types for interpolation within a string are integers and"
                      + " strings.",
                  at));
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    String result = out.toString();
    return new YamlScalar(result, result, at);
  }

  private static String variableName(String placeholder) {
    return placeholder.startsWith("!") ? placeholder.substring(1) : placeholder;
  }

  /** {@code a.b} reads key {@code b} of the map variable {@code a}. */
  private YamlNode lookup(String placeholder, Position at) {
    String name = variableName(placeholder);
    String[] path = name.split("\\.");
    YamlNode value = variables.get(path[0]);
    for (int i = 1; i < path.length && value != null; i++) {
      value = value instanceof YamlMap map ? map.get(path[i]) : null;
    }
    if (value == null) {
      missing.putIfAbsent(name, at);
    }
    return value;
  }

  /** Values take the placeholder's position so errors point at the manifest, not vars.yml. */
  private static YamlNode relocate(YamlNode value, Position at) {
    if (value instanceof YamlScalar s) {
      return new YamlScalar(s.value(), s.text(), at);
    }
    if (value instanceof YamlList list) {
      return new YamlList(list.items().stream().map(item -> relocate(item, at)).toList(), at);
    }
    YamlMap map = (YamlMap) value;
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    map.entries()
        .values()
        .forEach(
            e -> entries.put(e.key(), new YamlMap.Entry(e.key(), at, relocate(e.value(), at))));
    return new YamlMap(entries, at);
  }
}
