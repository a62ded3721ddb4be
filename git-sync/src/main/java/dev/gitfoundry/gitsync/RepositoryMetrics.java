package dev.gitfoundry.gitsync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * In-memory counters per repository and branch; the operator exports them (e.g. to Prometheus)
 * through an {@link Observer}, so this module needs no metrics library. Thread-safe; counters only
 * grow.
 *
 * <p>The heads of pull requests ({@code refs/pull/7/head}) are counted together per repository,
 * under the branch {@code refs/pull/N/head} with a star for N: one series per pull request ever
 * opened would grow without bound.
 */
public final class RepositoryMetrics {
  /** GitHub's and Gitea's pull requests, GitLab's merge requests. */
  private static final Pattern CHANGE_REQUEST_REF =
      Pattern.compile("^refs/(pull|merge-requests)/\\d+/(.+)$");

  /**
   * Hears what is counted, for an exporter: which keys exist (to register and drop their series)
   * and how long each fetch took (for a histogram, which counters cannot give). Called on the
   * polling threads; {@link #tracked} and {@link #untracked} never concurrently.
   */
  public interface Observer {
    void tracked(RepositoryKey key, Counters counters);

    void untracked(RepositoryKey key);

    void fetched(RepositoryKey key, Duration took);

    Observer NONE =
        new Observer() {
          @Override
          public void tracked(RepositoryKey key, Counters counters) {}

          @Override
          public void untracked(RepositoryKey key) {}

          @Override
          public void fetched(RepositoryKey key, Duration took) {}
        };
  }

  private final Map<RepositoryKey, Counters> byRepository = new ConcurrentHashMap<>();
  private volatile Observer observer = Observer.NONE;

  /** Tells {@code observer} about every key counted so far, then about every change. */
  public synchronized void observe(Observer observer) {
    this.observer = observer;
    byRepository.forEach(observer::tracked);
  }

  public Counters forRepository(RepositoryKey key) {
    RepositoryKey counted = counted(key);
    Counters counters = byRepository.get(counted);
    return counters != null ? counters : track(counted);
  }

  private synchronized Counters track(RepositoryKey key) {
    Counters counters = byRepository.get(key);
    if (counters == null) {
      counters = new Counters(key, this);
      byRepository.put(key, counters);
      observer.tracked(key, counters);
    }
    return counters;
  }

  public synchronized void remove(RepositoryKey key) {
    RepositoryKey counted = counted(key);
    if (byRepository.remove(counted) != null) {
      observer.untracked(counted);
    }
  }

  public Map<RepositoryKey, Reading> readAll() {
    return byRepository.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().read()));
  }

  /** Totals over all repositories, for benchmarks and logs. */
  public Reading total() {
    return readAll().values().stream().reduce(Reading.ZERO, Reading::plus);
  }

  /** The key a ref is counted under: the refs of all pull requests share one per repository. */
  static RepositoryKey counted(RepositoryKey key) {
    var change = CHANGE_REQUEST_REF.matcher(key.branch());
    return change.matches()
        ? new RepositoryKey(key.repository(), "refs/" + change.group(1) + "/*/" + change.group(2))
        : key;
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
    private final RepositoryKey key;
    private final RepositoryMetrics owner;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong lsRemotes = new AtomicLong();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong fetchedBytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

    private Counters(RepositoryKey key, RepositoryMetrics owner) {
      this.key = key;
      this.owner = owner;
    }

    void poll() {
      polls.incrementAndGet();
    }

    void lsRemote() {
      lsRemotes.incrementAndGet();
    }

    void fetched(long bytes, Duration took) {
      fetches.incrementAndGet();
      fetchedBytes.addAndGet(Math.max(0, bytes));
      owner.observer.fetched(key, took);
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
