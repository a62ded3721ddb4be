package dev.gitfoundry.operator.metrics;

import dev.gitfoundry.gitsync.RepositoryKey;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * git-sync's per-repository counters as Micrometer meters ({@code gitfoundry_git_*}), labelled
 * {@code repository} (the normalized {@code host/owner/name}: no scheme, user or password) and
 * {@code branch}. git-sync has no metrics library; its counters stay the source of truth and are
 * read at scrape time. A repository's meters come and go with its poll job.
 */
final class GitMeters implements MeterBinder, RepositoryMetrics.Observer {
  static final String FETCH_DURATION = "gitfoundry.git.fetch.duration";

  private final RepositoryMetrics metrics;
  private final Map<RepositoryKey, List<Meter>> meters = new ConcurrentHashMap<>();
  private volatile MeterRegistry registry;

  GitMeters(RepositoryMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    metrics.observe(this);
  }

  @Override
  public void tracked(RepositoryKey key, RepositoryMetrics.Counters counters) {
    Tags tags = tags(key);
    List<Meter> registered = new ArrayList<>();
    registered.add(
        counter("polls", "Polls of a repository branch.", counters, tags, r -> r.polls()));
    registered.add(
        counter("ls.remotes", "ls-remote requests.", counters, tags, r -> r.lsRemotes()));
    registered.add(
        counter("fetches", "Shallow fetches (the head moved).", counters, tags, r -> r.fetches()));
    registered.add(
        FunctionCounter.builder("gitfoundry.git.fetched", counters, c -> c.read().fetchedBytes())
            .baseUnit("bytes")
            .description("Bytes fetched.")
            .tags(tags)
            .register(registry));
    registered.add(counter("failures", "Failed polls.", counters, tags, r -> r.failures()));
    registered.add(
        Gauge.builder("gitfoundry.git.last.success.timestamp", counters, GitMeters::lastSuccess)
            .baseUnit("seconds")
            .description("Time of the last successful poll (NaN before the first).")
            .tags(tags)
            .register(registry));
    registered.add(fetchTimer(tags));
    meters.put(key, registered);
  }

  @Override
  public void untracked(RepositoryKey key) {
    List<Meter> registered = meters.remove(key);
    if (registered != null) {
      registered.forEach(registry::remove);
    }
  }

  @Override
  public void fetched(RepositoryKey key, Duration took) {
    if (meters.containsKey(key)) { // not for a fetch that outlived its poll job
      fetchTimer(tags(key)).record(took);
    }
  }

  private Timer fetchTimer(Tags tags) {
    return Timer.builder(FETCH_DURATION)
        .description("Shallow fetches of a repository branch, until the new head is local.")
        .serviceLevelObjectives(Buckets.durations())
        .tags(tags)
        .register(registry);
  }

  private FunctionCounter counter(
      String name,
      String description,
      RepositoryMetrics.Counters counters,
      Tags tags,
      ToLongFunction<RepositoryMetrics.Reading> value) {
    return FunctionCounter.builder(
            "gitfoundry.git." + name, counters, c -> value.applyAsLong(c.read()))
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private static double lastSuccess(RepositoryMetrics.Counters counters) {
    Instant at = counters.read().lastSuccess();
    return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
  }

  private static Tags tags(RepositoryKey key) {
    return Tags.of("repository", key.repository(), "branch", key.branch());
  }
}
