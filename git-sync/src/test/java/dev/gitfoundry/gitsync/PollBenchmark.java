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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures what polling costs, against real {@code git http-backend}:
 *
 * <ol>
 *   <li>100 repositories polled for 10 unchanged rounds: ls-remotes, fetches and CPU per poll;
 *   <li>one repository with 5,000 manifests: time from ls-remote to snapshot after a one-file
 *       change, and the bytes that change fetched.
 * </ol>
 *
 * Run with {@code ./mvnw -q -pl git-sync -am -Ppoll-benchmark process-test-classes}.
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

      List<Long> changeMillis = new ArrayList<>();
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
      }
      start = System.nanoTime();
      poller.poll();
      long unchangedMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "[benchmark]   one-file change, ls-remote to snapshot: %s ms (5 runs); last fetched"
              + " %d bytes; unchanged poll %d ms%n",
          changeMillis, changeBytes, unchangedMillis);
    }
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
