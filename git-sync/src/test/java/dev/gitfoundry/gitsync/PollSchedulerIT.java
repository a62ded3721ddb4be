package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.gitsync.webhook.WebhookPollTrigger;
import dev.gitfoundry.gitsync.webhook.WebhookRequest;
import dev.gitfoundry.gitsync.webhook.WebhookResponse;
import dev.gitfoundry.gitsync.webhook.WebhookSignatures;
import dev.gitfoundry.gitsync.webhook.WebhookTarget;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quartz scheduler driving real polls against {@code git http-backend}. */
class PollSchedulerIT {
  @TempDir Path repositories;
  @TempDir Path cache;
  private GitHttpBackend server;
  private PollScheduler scheduler;
  private final BlockingQueue<Snapshot> snapshots = new LinkedBlockingQueue<>();
  private final BlockingQueue<Integer> failures = new LinkedBlockingQueue<>();
  private final List<String> unchanged = new CopyOnWriteArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = new GitHttpBackend(repositories);
    SnapshotListener listener =
        new SnapshotListener() {
          @Override
          public void onSnapshot(RepositoryKey key, Snapshot snapshot) {
            track(() -> snapshots.add(snapshot));
          }

          @Override
          public void onUnchanged(RepositoryKey key, String sha) {
            track(() -> unchanged.add(sha));
          }

          @Override
          public void onFailure(RepositoryKey key, GitSyncException failure, int consecutive) {
            failures.add(consecutive);
          }
        };
    PollCadence cadence = new PollCadence(0.10, Duration.ofSeconds(2), 5, Duration.ZERO);
    scheduler =
        new PollScheduler(listener, cache, new RepositoryMetrics(), 2, cadence, Clock.systemUTC());
    scheduler.start();
  }

  private void track(Runnable action) {
    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      Thread.sleep(20); // widen the window in which a second run would overlap
      action.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.decrementAndGet();
    }
  }

  @AfterEach
  void stop() throws Exception {
    scheduler.close();
    server.close();
  }

  private RepositorySource source(String name, Duration interval) {
    return new RepositorySource(
        server.url(name), "main", Set.of(), GitCredentials.none(), interval);
  }

  @Test
  void pollsAtOnceThenOnWebhookTriggerWithoutOverlap() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "apps");
    String first = repo.write("a.yml", "1\n").commit("1");
    repo.push("main");
    RepositorySource source = source("apps", Duration.ofMinutes(10));
    scheduler.upsert(source);

    assertThat(snapshots.poll(10, TimeUnit.SECONDS)).extracting(Snapshot::sha).isEqualTo(first);

    String second = repo.write("a.yml", "2\n").commit("2");
    repo.push("main");
    for (int i = 0; i < 5; i++) {
      assertThat(scheduler.triggerNow(source.key())).isTrue();
    }
    assertThat(snapshots.poll(10, TimeUnit.SECONDS)).extracting(Snapshot::sha).isEqualTo(second);
    Thread.sleep(500);
    assertThat(maxRunning.get()).as("one poll per repository at a time").isEqualTo(1);
    assertThat(snapshots).isEmpty();
    // after webhooks the safety-net poll is stretched far beyond the 10 minute interval
    assertThat(scheduler.nextPoll(source.key()))
        .isAfter(Instant.now().plus(Duration.ofMinutes(40)));
    assertThat(scheduler.triggerNow(RepositoryKey.of("https://nowhere/x/y", "main"))).isFalse();
  }

  @Test
  void aSignedPushWebhookTriggersThePollOfThatBranch() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "hooked");
    repo.write("a.yml", "1\n").commit("1");
    repo.push("main");
    RepositorySource source = source("hooked", Duration.ofMinutes(10));
    scheduler.upsert(source);
    assertThat(snapshots.poll(10, TimeUnit.SECONDS)).isNotNull();

    WebhookTargets targets = new WebhookTargets();
    // configured with ".git", the forge reports it without: normalization matches them
    targets.put(new WebhookTarget("ns/hooked", server.url("hooked"), "s3cret"));
    WebhookHandler handler = new WebhookHandler(targets, new WebhookPollTrigger(scheduler, null));
    String sha = repo.write("a.yml", "2\n").commit("2");
    repo.push("main");
    byte[] body =
        ("{\"ref\":\"refs/heads/main\",\"after\":\""
                + sha
                + "\",\"repository\":"
                + "{\"clone_url\":\""
                + server.url("hooked").replace(".git", "")
                + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    WebhookResponse response =
        handler.handle(
            new WebhookRequest(
                "POST",
                "/hooks/gitea",
                Map.of(
                    "X-Gitea-Event",
                    "push",
                    "X-Gitea-Signature",
                    WebhookSignatures.giteaHeader("s3cret", body)),
                body));
    assertThat(response.status()).isEqualTo(200);
    assertThat(snapshots.poll(10, TimeUnit.SECONDS)).extracting(Snapshot::sha).isEqualTo(sha);
  }

  @Test
  void unchangedPollsRepeatAtTheInterval() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "quiet");
    repo.write("a.yml", "1\n").commit("1");
    repo.push("main");
    String head = repo.git("rev-parse", "HEAD").strip();
    RepositorySource quiet = source("quiet", Duration.ofMillis(300));
    scheduler.upsert(quiet, head); // as after a restart: no snapshot, no fetch
    awaitUnchanged(3);
    int reached = unchanged.size();
    Thread.sleep(900);
    // about three more at 300 ms ± 10 %; a storm would be many more
    assertThat(unchanged.size() - reached).isBetween(1, 6);
    assertThat(server.count(GitHttpBackend.Kind.FETCH)).isZero();
    assertThat(snapshots).isEmpty();
  }

  private void awaitUnchanged(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (unchanged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(unchanged).hasSizeGreaterThanOrEqualTo(count);
  }

  @Test
  void failuresBackOffAndAreReported() throws Exception {
    RepositorySource missing = source("missing", Duration.ofMillis(200));
    scheduler.upsert(missing);
    assertThat(failures.poll(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(failures.poll(10, TimeUnit.SECONDS)).isEqualTo(2);
    Instant next = scheduler.nextPoll(missing.key());
    // 2 failures: 200ms doubled twice = 800ms ± 10%
    assertThat(Duration.between(Instant.now(), next)).isGreaterThan(Duration.ofMillis(500));
  }

  @Test
  void syncAddsUpdatesAndRemovesJobs() throws Exception {
    WorkingCopy.create(repositories, "one");
    WorkingCopy.create(repositories, "two");
    RepositorySource one = source("one", Duration.ofMinutes(5));
    RepositorySource two = source("two", Duration.ofMinutes(5));
    scheduler.sync(List.of(one, two));
    assertThat(scheduler.keys()).containsExactlyInAnyOrder(one.key(), two.key());
    assertThat(scheduler.keysForRepository(server.url("one").replace(".git", "")))
        .containsExactly(one.key());

    scheduler.sync(List.of(source("two", Duration.ofMinutes(1))));
    assertThat(scheduler.keys()).containsExactly(two.key());
    assertThat(scheduler.nextPoll(one.key())).isNull();
    // the updated job polls at once (no first-poll spread here): scheduled while it runs, too
    assertThat(scheduler.nextPoll(two.key())).isNotNull();
    // then it re-arms with the new interval: 1 minute ± 10 % (the old one was 5 minutes)
    Instant next = awaitNextPollAfter(two.key(), Instant.now().plusSeconds(5));
    assertThat(next).isBetween(Instant.now().plusSeconds(40), Instant.now().plusSeconds(70));
  }

  @Test
  void aPollInProgressStillCountsAsScheduled() throws Exception {
    WorkingCopy.create(repositories, "slow");
    RepositorySource slow = source("slow", Duration.ofMinutes(1));
    server.hold();
    try {
      scheduler.upsert(slow);
      // Quartz has fired (and so consumed) the one-shot trigger once the poll reaches the server
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.held() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(server.held()).as("poll in progress").isPositive();
      assertThat(scheduler.nextPoll(slow.key())).isNotNull().isBefore(Instant.now());
    } finally {
      server.release();
    }
    assertThat(failures.poll(10, TimeUnit.SECONDS)).isEqualTo(1); // branch main not pushed
    assertThat(scheduler.nextPoll(slow.key())).isAfter(Instant.now().plusSeconds(40));
  }

  private Instant awaitNextPollAfter(RepositoryKey key, Instant after) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Instant next = scheduler.nextPoll(key);
    while ((next == null || next.isBefore(after)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      next = scheduler.nextPoll(key);
    }
    assertThat(next).as("next poll of %s re-armed", key).isAfter(after);
    return next;
  }

  @Test
  void resumeAfterPauseDoesNotStampede() throws Exception {
    WorkingCopy repo = WorkingCopy.create(repositories, "paused");
    repo.write("a.yml", "1\n").commit("1");
    repo.push("main");
    scheduler.upsert(source("paused", Duration.ofMillis(100)));
    assertThat(snapshots.poll(10, TimeUnit.SECONDS)).isNotNull();
    scheduler.pause();
    Thread.sleep(300);
    int before = unchanged.size();
    Thread.sleep(1000); // ten intervals missed
    assertThat(unchanged.size()).isLessThanOrEqualTo(before + 1);
    int atResume = unchanged.size();
    scheduler.resume();
    Thread.sleep(150);
    assertThat(unchanged.size() - atResume)
        .as("missed intervals are not replayed")
        .isLessThanOrEqualTo(2);
  }
}
