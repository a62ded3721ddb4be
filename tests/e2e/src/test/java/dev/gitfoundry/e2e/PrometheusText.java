package dev.gitfoundry.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code /metrics} page in the Prometheus text format, read into samples for assertions. */
final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One line: a metric name, its labels and its value. */
  record Sample(String name, Map<String, String> labels, double value) {
    String label(String key) {
      return labels.get(key);
    }
  }

  final String text;
  final List<Sample> samples = new ArrayList<>();

  PrometheusText(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
  }

  /** The samples of {@code name} whose labels include {@code labels} ({@code key, value, …}). */
  List<Sample> of(String name, String... labels) {
    Predicate<Sample> matches = s -> s.name().equals(name);
    for (int i = 0; i + 1 < labels.length; i += 2) {
      String key = labels[i];
      String value = labels[i + 1];
      matches = matches.and(s -> value.equals(s.label(key)));
    }
    return samples.stream().filter(matches).toList();
  }

  /** The sum of the samples {@link #of} selects (0 when there are none). */
  double sum(String name, String... labels) {
    return of(name, labels).stream().mapToDouble(Sample::value).sum();
  }
}
