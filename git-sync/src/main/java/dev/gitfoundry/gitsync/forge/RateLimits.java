package dev.gitfoundry.gitsync.forge;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads when a rate-limited request may be retried: {@code Retry-After} (seconds or HTTP date),
 * else {@code X-RateLimit-Remaining: 0} with {@code X-RateLimit-Reset} (epoch seconds, GitHub).
 */
final class RateLimits {
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

  private RateLimits() {}

  /** Empty when the response is not a rate limit (a 403 without those headers is a refusal). */
  static Optional<Instant> retryAt(int status, HttpHeaders headers, Instant now) {
    if (status != 429 && status != 403) {
      return Optional.empty();
    }
    Optional<Instant> retryAfter =
        headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, now));
    if (retryAfter.isPresent()) {
      return retryAfter;
    }
    boolean exhausted = headers.firstValue("X-RateLimit-Remaining").map("0"::equals).orElse(false);
    if (exhausted) {
      Optional<Instant> reset =
          headers.firstValue("X-RateLimit-Reset").flatMap(RateLimits::epochSeconds);
      return Optional.of(reset.orElse(now.plus(DEFAULT_WAIT)));
    }
    return status == 429 ? Optional.of(now.plus(DEFAULT_WAIT)) : Optional.empty();
  }

  private static Optional<Instant> parseRetryAfter(String value, Instant now) {
    String trimmed = value.trim();
    try {
      return Optional.of(now.plusSeconds(Math.max(0, Long.parseLong(trimmed))));
    } catch (NumberFormatException notSeconds) {
      try {
        return Optional.of(
            ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
