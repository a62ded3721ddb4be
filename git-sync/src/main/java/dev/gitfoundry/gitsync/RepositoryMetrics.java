package dev.gitfoundry.gitsync;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * In-memory counters per repository and branch; the operator exports them (e.g. to Prometheus).
 * Thread-safe; counters only grow.
 */
public final class RepositoryMetrics {
  private final Map<RepositoryKey, Counters> byRepository = new ConcurrentHashMap<>();

  public Counters forRepository(RepositoryKey key) {
    return byRepository.computeIfAbsent(key, k -> new Counters());
  }

  public void remove(RepositoryKey key) {
    byRepository.remove(key);
  }

  public Map<RepositoryKey, Reading> readAll() {
    return byRepository.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().read()));
  }

  /** Totals over all repositories, for benchmarks and logs. */
  public Reading total() {
    return readAll().values().stream().reduce(Reading.ZERO, Reading::plus);
  }

  /** One consistent-enough reading of a repository's counters. */
  public record Reading(
      long polls,
      long lsRemotes,
      long fetches,
      long fetchedBytes,
      long failures,
      Instant lastSuccess) {
    static final Reading ZERO = new Reading(0, 0, 0, 0, 0, null);

    Reading plus(Reading other) {
      Instant latest =
          lastSuccess == null
              ? other.lastSuccess
              : other.lastSuccess == null || lastSuccess.isAfter(other.lastSuccess)
                  ? lastSuccess
                  : other.lastSuccess;
      return new Reading(
          polls + other.polls,
          lsRemotes + other.lsRemotes,
          fetches + other.fetches,
          fetchedBytes + other.fetchedBytes,
          failures + other.failures,
          latest);
    }
  }

  /** Mutable counters of one repository. */
  public static final class Counters {
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong lsRemotes = new AtomicLong();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong fetchedBytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

    void poll() {
      polls.incrementAndGet();
    }

    void lsRemote() {
      lsRemotes.incrementAndGet();
    }

    void fetched(long bytes) {
      fetches.incrementAndGet();
      fetchedBytes.addAndGet(Math.max(0, bytes));
    }

    void failure() {
      failures.incrementAndGet();
    }

    void success(Instant at) {
      lastSuccess.set(at);
    }

    public Reading read() {
      return new Reading(
          polls.get(),
          lsRemotes.get(),
          fetches.get(),
          fetchedBytes.get(),
          failures.get(),
          lastSuccess.get());
    }
  }
}
