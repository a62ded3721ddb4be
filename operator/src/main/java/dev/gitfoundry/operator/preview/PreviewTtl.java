package dev.gitfoundry.operator.preview;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code previews.ttl} as a Go duration ({@code 72h}, {@code 90m}, {@code 1h30m}); null = none. */
final class PreviewTtl {
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h)");

  private PreviewTtl() {}

  static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = PART.matcher(text.trim());
    double nanos = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return null;
      }
      end = m.end();
      double value = Double.parseDouble(m.group(1));
      nanos +=
          value
              * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
              };
    }
    return end == text.trim().length() && end > 0 ? Duration.ofNanos((long) nanos) : null;
  }
}
