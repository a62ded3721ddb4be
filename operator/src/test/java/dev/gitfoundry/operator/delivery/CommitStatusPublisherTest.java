package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.gitsync.forge.CommitState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitStatusPublisherTest {
  private final FakeForge forge = new FakeForge();
  private final CommitStatusPublisher publisher =
      new CommitStatusPublisher(
          source -> Optional.of(forge),
          Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
  private final GitSource source = source();

  @Test
  void theSameStatusIsPostedOnceAndRecordedWithItsTime() {
    RevisionRecord log = new RevisionRecord();
    CommitStatusPublisher.Post pending =
        new CommitStatusPublisher.Post(
            "abc", "gitfoundry", CommitState.PENDING, "applied, 0/1 apps ready", "http://s/abc");
    publisher.publish(source, log, pending);
    publisher.publish(source, log, pending);
    publisher.publish(
        source,
        log,
        new CommitStatusPublisher.Post(
            "abc", "gitfoundry", CommitState.SUCCESS, "1/1 apps running", "http://s/abc"));

    assertThat(forge.posted)
        .extracting(s -> s.state())
        .containsExactly(CommitState.PENDING, CommitState.SUCCESS);
    assertThat(log.getPosted())
        .extracting(p -> p.getState() + " " + p.getPostedAt())
        .containsExactly("pending 2026-12-01T10:00:00Z", "success 2026-12-01T10:00:00Z");
  }

  @Test
  void theLogSurvivesTheProcessSoARestartDoesNotPostAgain() {
    RevisionRecord log = new RevisionRecord();
    CommitStatusPublisher.Post success =
        new CommitStatusPublisher.Post(
            "abc", "gitfoundry", CommitState.SUCCESS, "1/1 apps running", null);
    publisher.publish(source, log, success);

    CommitStatusPublisher restarted =
        new CommitStatusPublisher(s -> Optional.of(forge), Clock.systemUTC());
    restarted.publish(source, log, success);

    assertThat(forge.posted).hasSize(1);
  }

  @Test
  void aForgeThatIsDownNeverStopsTheDeliveryAndIsPostedToLater() {
    RevisionRecord log = new RevisionRecord();
    CommitStatusPublisher.Post pending =
        new CommitStatusPublisher.Post("abc", "gitfoundry", CommitState.PENDING, "applied", null);
    forge.down = true;
    publisher.publish(source, log, pending); // logged, not thrown
    assertThat(log.getPosted()).isEmpty();

    forge.down = false;
    publisher.publish(source, log, pending);
    assertThat(forge.posted).hasSize(1);
    assertThat(log.getPosted()).hasSize(1);
  }

  @Test
  void contextsAreRecordedApart() {
    RevisionRecord log = new RevisionRecord();
    publisher.publish(
        source, log, new CommitStatusPublisher.Post("abc", "a", CommitState.PENDING, "x", null));
    publisher.publish(
        source, log, new CommitStatusPublisher.Post("abc", "b", CommitState.PENDING, "x", null));
    assertThat(forge.posted).extracting(s -> s.context()).containsExactly("a", "b");
  }

  private static GitSource source() {
    GitSource source = new GitSource();
    source.getMetadata().setName("manifests");
    source.getMetadata().setNamespace("team");
    source.getMetadata().setUid("uid-1");
    source.getSpec().setUrl("http://git.example.com/acme/manifests.git");
    ForgeSpec forge = new ForgeSpec();
    forge.setType(ForgeType.GITEA);
    source.getSpec().setForge(forge);
    return source;
  }
}
