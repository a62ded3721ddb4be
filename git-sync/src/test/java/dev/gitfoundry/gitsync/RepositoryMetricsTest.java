package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryMetricsTest {
  private final RepositoryMetrics metrics = new RepositoryMetrics();
  private final List<String> heard = new ArrayList<>();

  private final RepositoryMetrics.Observer observer =
      new RepositoryMetrics.Observer() {
        @Override
        public void tracked(RepositoryKey key, RepositoryMetrics.Counters counters) {
          heard.add("tracked " + key);
        }

        @Override
        public void untracked(RepositoryKey key) {
          heard.add("untracked " + key);
        }

        @Override
        public void fetched(RepositoryKey key, Duration took) {
          heard.add("fetched " + key + " in " + took.toMillis() + " ms");
        }
      };

  @Test
  void anObserverHearsOfTheKeysCountedBeforeItAndOfEveryChangeAfter() {
    RepositoryKey main = RepositoryKey.of("https://git.example.com/team/app.git", "main");
    metrics.forRepository(main).poll();

    metrics.observe(observer);
    RepositoryMetrics.Counters counters = metrics.forRepository(main);
    counters.fetched(1200, Duration.ofMillis(340));
    metrics.remove(main);
    metrics.remove(main);

    assertThat(heard)
        .containsExactly(
            "tracked git.example.com/team/app@main",
            "fetched git.example.com/team/app@main in 340 ms",
            "untracked git.example.com/team/app@main");
    assertThat(counters.read().polls()).isEqualTo(1);
    assertThat(counters.read().fetches()).isEqualTo(1);
    assertThat(counters.read().fetchedBytes()).isEqualTo(1200);
  }

  @Test
  void theHeadsOfPullRequestsAreCountedTogetherPerRepository() {
    metrics.observe(observer);
    String url = "https://git.example.com/team/app.git";
    metrics.forRepository(RepositoryKey.of(url, "refs/pull/7/head")).poll();
    metrics.forRepository(RepositoryKey.of(url, "refs/pull/8/head")).poll();
    metrics.forRepository(RepositoryKey.of(url, "main")).poll();

    assertThat(metrics.readAll().keySet())
        .extracting(RepositoryKey::branch)
        .containsExactlyInAnyOrder("refs/pull/*/head", "main");
    assertThat(
            metrics
                .readAll()
                .get(new RepositoryKey("git.example.com/team/app", "refs/pull/*/head"))
                .polls())
        .isEqualTo(2);
    assertThat(heard)
        .containsExactly(
            "tracked git.example.com/team/app@refs/pull/*/head",
            "tracked git.example.com/team/app@main");
  }

  @Test
  void branchesThatLookNumberedAreLeftAlone() {
    RepositoryKey release = RepositoryKey.of("https://git.example.com/team/app.git", "release/2");
    RepositoryKey full = new RepositoryKey("git.example.com/team/app", "refs/heads/2/final");
    RepositoryKey mergeRequest =
        new RepositoryKey("gitlab.example.com/a/b", "refs/merge-requests/3/head");
    assertThat(RepositoryMetrics.counted(release)).isEqualTo(release);
    assertThat(RepositoryMetrics.counted(full)).isEqualTo(full);
    assertThat(RepositoryMetrics.counted(mergeRequest).branch())
        .isEqualTo("refs/merge-requests/*/head");
  }
}
