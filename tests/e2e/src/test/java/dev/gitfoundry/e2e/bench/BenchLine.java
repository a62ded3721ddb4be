package dev.gitfoundry.e2e.bench;

import java.util.List;
import java.util.Locale;

/**
 * The machine-readable line every benchmark prints per figure, {@code bench <name> <value> <unit>},
 * next to its human text; {@code grep '^bench '} keeps only these.
 */
public final class BenchLine {
  private BenchLine() {}

  public static void print(String name, double value, String unit) {
    String formatted =
        value == Math.rint(value) && Math.abs(value) < 1e15
            ? Long.toString((long) value)
            : String.format(Locale.ROOT, "%.3f", value);
    System.out.println("bench " + name + " " + formatted + " " + unit);
  }

  /** The nearest-rank percentile (p in 1..100) of {@code values}. */
  public static double percentile(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
