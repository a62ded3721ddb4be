package dev.gitfoundry.operator.cfapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * CF label selectors ({@code env=prod,tier in (web,api),!legacy}), applied to a resource's {@code
 * metadata.labels}. Requirements are ANDed, as in CF and Kubernetes.
 */
final class LabelSelector {
  private LabelSelector() {}

  static Predicate<Map<String, String>> parse(String selector) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String requirement : splitOutsideParentheses(selector)) {
      String text = requirement.trim();
      if (!text.isEmpty()) {
        requirements.add(requirement(text));
      }
    }
    return labels -> requirements.stream().allMatch(r -> r.test(labels));
  }

  private static Predicate<Map<String, String>> requirement(String text) {
    String[] words = text.split("\\s+", 3);
    if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
      Set<String> values = setOf(words[2]);
      String key = words[0];
      return words[1].equals("in")
          ? labels -> values.contains(labels.get(key))
          : labels -> !values.contains(labels.get(key));
    }
    if (text.contains("!=")) {
      String[] parts = text.split("!=", 2);
      return labels -> !parts[1].trim().equals(labels.get(parts[0].trim()));
    }
    if (text.contains("=")) {
      String[] parts = text.split("==?", 2);
      return labels -> parts[1].trim().equals(labels.get(parts[0].trim()));
    }
    if (text.startsWith("!")) {
      String key = text.substring(1).trim();
      return labels -> !labels.containsKey(key);
    }
    return labels -> labels.containsKey(text);
  }

  private static Set<String> setOf(String parenthesised) {
    String inner = parenthesised.trim().replaceAll("^\\(|\\)$", "");
    Set<String> values = new java.util.HashSet<>();
    for (String value : inner.split(",")) {
      values.add(value.trim());
    }
    return values;
  }

  private static List<String> splitOutsideParentheses(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
