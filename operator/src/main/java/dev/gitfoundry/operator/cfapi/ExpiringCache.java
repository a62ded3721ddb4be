package dev.gitfoundry.operator.cfapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers answers of the API server (token reviews, access reviews) for a short while, so a cf
 * command that makes ten requests costs one review, while revoked access still ends quickly.
 */
final class ExpiringCache<K, V> {
  private record Entry<V>(V value, Instant expires) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;

  ExpiringCache(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  V get(K key, Function<K, V> load) {
    Instant now = clock.instant();
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.expires().isAfter(now)) {
      return entry.value();
    }
    if (entries.size() > 10_000) {
      entries.values().removeIf(e -> !e.expires().isAfter(now));
    }
    V value = load.apply(key);
    entries.put(key, new Entry<>(value, now.plus(lifetime)));
    return value;
  }
}
