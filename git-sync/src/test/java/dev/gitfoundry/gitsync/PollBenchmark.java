package dev.gitfoundry.gitsync;

import dev.gitfoundry.gitsync.GitHttpBackend.Kind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Measures what polling costs, against real {@code git http-backend}, each part against its
 * baseline, the same Git work done directly with JGit in the same run:
 *
 * <ol>
 *   <li>100 repositories polled for 10 unchanged rounds: ls-remotes, fetches, wall and CPU time per
 *       poll; baseline: a bare JGit ls-remote of the same repositories as often;
 *   <li>one repository with 5,000 manifests: time from ls-remote to snapshot after a one-file
 *       change, and the bytes that change fetched; baseline: a bare JGit depth-1 fetch of the same
 *       change into a repository of its own (no snapshot).
 * </ol>
 *
 * Run with {@code bash tests/bench.sh poll}.
 */
public final class PollBenchmark {
  private static final int REPOSITORIES = 100;
  private static final int ROUNDS = 10;
  private static final int MANIFESTS = 5_000;

  private PollBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("poll-benchmark");
    try (GitHttpBackend server = new GitHttpBackend(root.resolve("repos"))) {
      Files.createDirectories(root.resolve("repos"));
      manyUnchangedRepositories(server, root);
      oneLargeRepository(server, root);
    } finally {
      deleteRecursively(root);
    }
  }

  private static void manyUnchangedRepositories(GitHttpBackend server, Path root) throws Exception {
    WorkingCopy template = WorkingCopy.create(root.resolve("repos"), "template");
    template.write("org/space/app/manifest.yml", "applications:\n- name: app\n").commit("init");
    template.push("main");
    for (int i = 0; i < REPOSITORIES; i++) {
      copyRecursively(template.bare(), root.resolve("repos/r" + i + ".git"));
    }
    RepositoryMetrics metrics = new RepositoryMetrics();
    List<GitPoller> pollers = new ArrayList<>();
    for (int i = 0; i < REPOSITORIES; i++) {
      pollers.add(
          new GitPoller(
              new RepositorySource(
                  server.url("r" + i),
                  "main",
                  Set.of(),
                  GitCredentials.none(),
                  Duration.ofMinutes(1)),
              root.resolve("cache"),
              metrics));
    }
    for (GitPoller poller : pollers) {
      poller.poll(); // the first poll of each fetches; not what this part measures
    }
    for (int warmup = 0; warmup < 2; warmup++) {
      for (GitPoller poller : pollers) {
        poller.poll();
      }
    }
    server.resetCounts();
    RepositoryMetrics.Reading before = metrics.total();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    int unchanged = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (GitPoller poller : pollers) {
        if (poller.poll() instanceof PollResult.Unchanged) {
          unchanged++;
        }
      }
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    long wall = System.nanoTime() - wallStart;
    RepositoryMetrics.Reading after = metrics.total();
    int polls = REPOSITORIES * ROUNDS;
    System.out.printf(
        "[benchmark] %d repositories x %d unchanged rounds = %d polls (%d unchanged)%n",
        REPOSITORIES, ROUNDS, polls, unchanged);
    System.out.printf(
        "[benchmark]   client: ls-remotes %d, fetches %d, fetched bytes %d%n",
        after.lsRemotes() - before.lsRemotes(),
        after.fetches() - before.fetches(),
        after.fetchedBytes() - before.fetchedBytes());
    System.out.printf(
        "[benchmark]   server: ref advertisements %d, ls-refs %d, upload-pack fetches %d%n",
        server.count(Kind.ADVERTISEMENT), server.count(Kind.LS_REFS), server.count(Kind.FETCH));
    System.out.printf(
        "[benchmark]   poller CPU %.2f ms/poll, wall %.2f ms/poll (server is git http-backend"
            + " CGI on the same machine)%n",
        cpu / 1e6 / polls, wall / 1e6 / polls);
    pollers.forEach(GitPoller::close);

    long baselineCpuStart = threads.getCurrentThreadCpuTime();
    long baselineWallStart = System.nanoTime();
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < REPOSITORIES; i++) {
        Git.lsRemoteRepository()
            .setRemote(server.url("r" + i))
            .setHeads(true)
            .callAsMap()
            .get("refs/heads/main");
      }
    }
    long baselineCpu = threads.getCurrentThreadCpuTime() - baselineCpuStart;
    long baselineWall = System.nanoTime() - baselineWallStart;
    System.out.printf(
        "[benchmark]   baseline, JGit ls-remote alone: CPU %.2f ms/call, wall %.2f ms/call%n",
        baselineCpu / 1e6 / polls, baselineWall / 1e6 / polls);
    bench("poll.unchanged_polls", polls, "polls");
    bench("poll.unchanged_fetches", after.fetches() - before.fetches(), "fetches");
    bench("poll.unchanged_wall_ms", wall / 1e6 / polls, "ms");
    bench("poll.unchanged_cpu_ms", cpu / 1e6 / polls, "ms");
    bench("poll.baseline_ls_remote_wall_ms", baselineWall / 1e6 / polls, "ms");
    bench("poll.baseline_ls_remote_cpu_ms", baselineCpu / 1e6 / polls, "ms");
    bench("poll.unchanged_ratio", (double) wall / baselineWall, "x");
  }

  private static void oneLargeRepository(GitHttpBackend server, Path root) throws Exception {
    WorkingCopy repo = WorkingCopy.create(root.resolve("repos"), "large");
    for (int i = 0; i < MANIFESTS; i++) {
      repo.write(
          "acme/space-" + (i / 100) + "/app-" + i + "/manifest.yml",
          "applications:\n- name: app-"
              + i
              + "\n  memory: 256M\n  instances: 2\n"
              + "  docker:\n    image: registry.local/app-"
              + i
              + ":1.0.0\n");
    }
    repo.commit("5000 manifests");
    repo.push("main");
    RepositoryMetrics metrics = new RepositoryMetrics();
    RepositorySource source =
        new RepositorySource(
            server.url("large"),
            "main",
            Set.of("acme"),
            GitCredentials.none(),
            Duration.ofMinutes(1));
    try (GitPoller poller = new GitPoller(source, root.resolve("cache"), metrics)) {
      long start = System.nanoTime();
      Snapshot initial = ((PollResult.Changed) poller.poll()).snapshot();
      long initialMillis = (System.nanoTime() - start) / 1_000_000;
      long initialBytes = metrics.total().fetchedBytes();
      System.out.printf(
          "[benchmark] %d-manifest repository: first poll %d ms, %d files, %d bytes fetched%n",
          MANIFESTS, initialMillis, initial.files().size(), initialBytes);

      Path baselineRepository = root.resolve("baseline-fetch.git");
      Git baseline = Git.init().setBare(true).setDirectory(baselineRepository.toFile()).call();
      fetchDirectly(baseline, server.url("large"));
      List<Long> changeMillis = new ArrayList<>();
      List<Long> baselineMillis = new ArrayList<>();
      long changeBytes = 0;
      for (int change = 0; change < 5; change++) {
        repo.write(
            "acme/space-7/app-700/manifest.yml",
            "applications:\n- name: app-700\n  instances: " + (3 + change) + "\n");
        repo.commit("scale app-700");
        repo.push("main");
        long bytesBefore = metrics.total().fetchedBytes();
        start = System.nanoTime();
        Snapshot changed = ((PollResult.Changed) poller.poll()).snapshot();
        changeMillis.add((System.nanoTime() - start) / 1_000_000);
        changeBytes = metrics.total().fetchedBytes() - bytesBefore;
        if (changed.files().size() != MANIFESTS) {
          throw new IllegalStateException("snapshot lost files: " + changed.files().size());
        }
        start = System.nanoTime();
        fetchDirectly(baseline, server.url("large"));
        baselineMillis.add((System.nanoTime() - start) / 1_000_000);
      }
      baseline.close();
      start = System.nanoTime();
      poller.poll();
      long unchangedMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "[benchmark]   one-file change, ls-remote to snapshot: %s ms (5 runs); last fetched"
              + " %d bytes; unchanged poll %d ms%n",
          changeMillis, changeBytes, unchangedMillis);
      System.out.printf(
          "[benchmark]   baseline, JGit depth-1 fetch of the same change alone: %s ms%n",
          baselineMillis);
      double change = median(changeMillis);
      double direct = median(baselineMillis);
      bench("poll.change_p50_ms", change, "ms");
      bench("poll.change_fetched_bytes", changeBytes, "bytes");
      bench("poll.baseline_fetch_p50_ms", direct, "ms");
      bench("poll.change_ratio", change / direct, "x");
    }
  }

  /** The baseline of a change: JGit's shallow fetch of the branch, nothing else. */
  private static void fetchDirectly(Git repository, String url) throws Exception {
    repository
        .fetch()
        .setRemote(url)
        .setRefSpecs(new RefSpec("+refs/heads/main:refs/heads/main"))
        .setDepth(1)
        .setTagOpt(TagOpt.NO_TAGS)
        .call();
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** The machine-readable line of one figure (see tests/bench.sh). */
  private static void bench(String name, double value, String unit) {
    System.out.println(
        "bench "
            + name
            + " "
            + (value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value))
            + " "
            + unit);
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(path -> path.toFile().delete());
    }
  }
}
