package dev.gitfoundry.gitsync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz job per repository and branch. Each job has a single pending one-shot trigger that the
 * job itself re-arms after every run with {@link PollCadence}: jitter, backoff and webhook
 * stretching need a new delay each time, and a single pending trigger means a job can never owe
 * more than one catch-up run after a pause (no stampede).
 */
public final class PollScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);
  private static final String GROUP = "git-poll";
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Scheduler quartz;
  private final SnapshotListener listener;
  private final Path cacheRoot;
  private final RepositoryMetrics metrics;
  private final PollCadence cadence;
  private final Clock clock;
  private final Map<RepositoryKey, PollEntry> entries = new ConcurrentHashMap<>();

  public PollScheduler(
      SnapshotListener listener, Path cacheRoot, RepositoryMetrics metrics, int threads)
      throws SchedulerException {
    this(listener, cacheRoot, metrics, threads, PollCadence.DEFAULT, Clock.systemUTC());
  }

  public PollScheduler(
      SnapshotListener listener,
      Path cacheRoot,
      RepositoryMetrics metrics,
      int threads,
      PollCadence cadence,
      Clock clock)
      throws SchedulerException {
    this.listener = listener;
    this.cacheRoot = cacheRoot;
    this.metrics = metrics;
    this.cadence = cadence;
    this.clock = clock;
    Properties properties = new Properties();
    String name = "gitfoundry-poll-" + INSTANCES.incrementAndGet();
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
    properties.setProperty(
        StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", name);
    properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    this.quartz = new StdSchedulerFactory(properties).getScheduler();
    this.quartz.setJobFactory((bundle, scheduler) -> new PollJob(this));
  }

  public void start() throws SchedulerException {
    quartz.start();
  }

  /** Stops firing; running polls finish. Nothing is owed on {@link #resume()} beyond one poll. */
  public void pause() throws SchedulerException {
    quartz.standby();
  }

  /** Re-spreads every job's next poll before starting, so a long pause ends without a burst. */
  public void resume() throws SchedulerException {
    for (PollEntry entry : entries.values()) {
      arm(entry, cadence.initialDelay(entry.poller.source().interval(), random()));
    }
    quartz.start();
  }

  /**
   * Adds or updates the job of {@code source.key()}. Unchanged sources are left alone; a changed
   * one gets a new poller (new credentials, paths or interval) and a soon-but-spread next poll.
   */
  public synchronized void upsert(RepositorySource source) throws GitSyncException {
    upsert(source, null);
  }

  /**
   * Like {@link #upsert(RepositorySource)}, seeding the head already handled for a new job (e.g.
   * {@code lastFetchedRevision} after a restart), so an unchanged head costs one ls-remote and no
   * fetch. Null means "snapshot on the first poll".
   */
  public synchronized void upsert(RepositorySource source, String knownSha)
      throws GitSyncException {
    RepositoryKey key = source.key();
    PollEntry existing = entries.get(key);
    if (existing != null && existing.poller.source().equals(source)) {
      return;
    }
    GitPoller poller = new GitPoller(source, cacheRoot, metrics);
    if (existing != null) {
      // same files wanted: the last snapshot is still right, no need to fetch again
      if (existing.poller.source().paths().equals(source.paths())) {
        poller.assumeKnown(existing.poller.knownSha());
      }
      existing.poller.close();
    }
    if (existing == null && knownSha != null) {
      poller.assumeKnown(knownSha);
    }
    PollEntry entry = new PollEntry(key, poller);
    entries.put(key, entry);
    try {
      if (existing == null) {
        quartz.addJob(
            JobBuilder.newJob(PollJob.class)
                .withIdentity(jobKey(key))
                .usingJobData("repository", key.repository())
                .usingJobData("branch", key.branch())
                .storeDurably()
                .build(),
            false);
      }
      arm(entry, cadence.initialDelay(source.interval(), random()));
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduler refused job for " + key, e);
    }
  }

  /** Makes the scheduled set exactly {@code sources}: adds, updates and removes jobs. */
  public synchronized void sync(Collection<RepositorySource> sources) throws GitSyncException {
    Set<RepositoryKey> wanted = new HashSet<>();
    for (RepositorySource source : sources) {
      wanted.add(source.key());
      upsert(source);
    }
    for (RepositoryKey key : Set.copyOf(entries.keySet())) {
      if (!wanted.contains(key)) {
        remove(key);
      }
    }
  }

  public synchronized void remove(RepositoryKey key) {
    PollEntry entry = entries.remove(key);
    if (entry == null) {
      return;
    }
    try {
      quartz.deleteJob(jobKey(key));
    } catch (SchedulerException e) {
      log.warn("could not delete poll job of {}: {}", key, e.toString());
    }
    entry.poller.close();
    metrics.remove(key);
  }

  public Set<RepositoryKey> keys() {
    return Set.copyOf(entries.keySet());
  }

  /** Keys whose repository (normalized URL) is {@code repository}, on any branch. */
  public Set<RepositoryKey> keysForRepository(String repositoryUrl) {
    String normalized = RepositoryUrls.normalize(repositoryUrl);
    return entries.keySet().stream()
        .filter(k -> k.repository().equals(normalized))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Polls now (a webhook said the branch moved). Runs after a poll in progress, never beside it.
   * Recent webhooks stretch the regular interval: polling becomes a safety net.
   *
   * @return false if no job watches {@code key}
   */
  public boolean triggerNow(RepositoryKey key) {
    PollEntry entry = entries.get(key);
    if (entry == null) {
      return false;
    }
    entry.lastWebhook = clock.instant();
    try {
      quartz.triggerJob(jobKey(key));
      return true;
    } catch (SchedulerException e) {
      log.warn("could not trigger poll of {}: {}", key, e.toString());
      return false;
    }
  }

  /**
   * When the regular poll of {@code key} is due: in the future while it waits, in the past while it
   * runs (the job arms the next one when it ends). Null when no job watches {@code key}, or when
   * Quartz refused the last arming.
   *
   * <p>Read from the scheduler's own record, not from Quartz: a one-shot trigger is consumed when
   * it fires, so between firing and re-arming Quartz holds no trigger at all, which would read as
   * "not scheduled" for a job that is in fact polling.
   */
  public Instant nextPoll(RepositoryKey key) {
    PollEntry entry = entries.get(key);
    return entry == null ? null : entry.due;
  }

  void runPoll(RepositoryKey key) {
    PollEntry entry = entries.get(key);
    if (entry == null) {
      return;
    }
    PollResult result = null;
    GitSyncException failure = null;
    try {
      result = entry.poller.poll();
      entry.consecutiveFailures = 0;
    } catch (GitSyncException e) {
      failure = e;
    } catch (RuntimeException e) {
      // a JGit bug or a corrupt cache must not stop the job; retry like a network failure
      failure = new GitTransportException("unexpected poll failure: " + e, e);
    }
    if (failure != null) {
      entry.consecutiveFailures++;
      log.warn("poll of {} failed ({}): {}", key, failure.kind(), failure.getMessage());
    }
    // arm before telling the listener, so it can already see when the next poll is due
    if (entries.get(key) == entry) {
      arm(entry, nextDelay(entry));
    }
    try {
      if (failure != null) {
        listener.onFailure(key, failure, entry.consecutiveFailures);
      } else if (result instanceof PollResult.Changed changed) {
        listener.onSnapshot(key, changed.snapshot());
      } else {
        listener.onUnchanged(key, result.sha());
      }
    } catch (RuntimeException e) {
      log.error("listener failed for {}", key, e);
    }
  }

  private Duration nextDelay(PollEntry entry) {
    Duration interval = entry.poller.source().interval();
    Instant lastWebhook = entry.lastWebhook;
    Duration stretched = interval.multipliedBy(cadence.webhookStretch());
    boolean webhooksActive =
        lastWebhook != null && lastWebhook.plus(stretched).isAfter(clock.instant());
    return cadence.nextDelay(interval, entry.consecutiveFailures, webhooksActive, random());
  }

  private void arm(PollEntry entry, Duration delay) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(timerKey(entry.key))
            .forJob(jobKey(entry.key))
            .startAt(Date.from(clock.instant().plus(delay)))
            // one-shot: a late trigger fires once, it cannot pile up
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    try {
      if (quartz.checkExists(trigger.getKey())) {
        quartz.rescheduleJob(trigger.getKey(), trigger);
      } else {
        quartz.scheduleJob(trigger);
      }
      entry.due = trigger.getStartTime().toInstant();
    } catch (SchedulerException e) {
      entry.due = null;
      log.error("could not schedule the next poll of {}", entry.key, e);
    }
  }

  private static double random() {
    return ThreadLocalRandom.current().nextDouble();
  }

  private static JobKey jobKey(RepositoryKey key) {
    return JobKey.jobKey(GitPoller.cacheName(key), GROUP);
  }

  private static TriggerKey timerKey(RepositoryKey key) {
    return TriggerKey.triggerKey(GitPoller.cacheName(key), GROUP);
  }

  @Override
  public void close() throws SchedulerException {
    quartz.shutdown(true);
    entries.values().forEach(entry -> entry.poller.close());
    entries.clear();
  }

  private static final class PollEntry {
    final RepositoryKey key;
    final GitPoller poller;
    volatile int consecutiveFailures;
    volatile Instant lastWebhook;

    /** When the pending (or running) poll was due; null if arming failed. */
    volatile Instant due;

    PollEntry(RepositoryKey key, GitPoller poller) {
      this.key = key;
      this.poller = poller;
    }
  }

  /** The Quartz job: only polls and hands the result to the listener. */
  @DisallowConcurrentExecution
  static final class PollJob implements Job {
    private final PollScheduler owner;

    PollJob(PollScheduler owner) {
      this.owner = owner;
    }

    @Override
    public void execute(JobExecutionContext context) {
      var data = context.getMergedJobDataMap();
      owner.runPoll(new RepositoryKey(data.getString("repository"), data.getString("branch")));
    }
  }
}
