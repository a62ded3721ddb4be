package dev.gitfoundry.operator.source;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go-style durations as GitSource specs write them, like Flux: {@code 30s}, {@code 1m}, {@code
 * 1h30m}.
 */
public final class GoDurations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private GoDurations() {}

  public static Duration parse(String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    Matcher matcher = PART.matcher(text.strip());
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          switch (matcher.group(2)) {
            case "ms" -> total.plusMillis(amount);
            case "s" -> total.plusSeconds(amount);
            case "m" -> total.plusMinutes(amount);
            default -> total.plusHours(amount);
          };
      end = matcher.end();
    }
    return end == text.strip().length() && !total.isZero() ? total : fallback;
  }
}
