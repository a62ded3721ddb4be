package dev.gitfoundry.operator.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.operator.events.EventRecorder;
import dev.gitfoundry.operator.source.SourceEvents.ReadyState;
import dev.gitfoundry.operator.source.SourceEvents.SourceEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which changes of a GitSource's Ready condition are worth an Event, and which would be spam. */
class SourceEventsTest {
  private static final ReadyState NONE = new ReadyState(null, null, null);
  private static final ReadyState RUNNING_AT_1 =
      new ReadyState("True", "Succeeded", "2/2 apps running at main@sha1:1");

  @Test
  void aFetchFailureIsRecordedOnceNotOncePerPoll() {
    ReadyState failing =
        new ReadyState("False", "FetchFailed", "connection refused; the last applied revision");
    assertThat(SourceEvents.onReadyChange(RUNNING_AT_1, failing))
        .contains(new SourceEvent(EventRecorder.Type.WARNING, "FetchFailed", failing.message()));
    ReadyState stillFailing =
        new ReadyState("False", "FetchFailed", "timed out; the last applied revision");
    assertThat(SourceEvents.onReadyChange(failing, stillFailing)).isEmpty();
  }

  @Test
  void aBranchDeletedThenBackIsOneWarningAndOneRecovery() {
    ReadyState gone = new ReadyState("False", "BranchNotFound", "branch main not found");
    assertThat(SourceEvents.onReadyChange(RUNNING_AT_1, gone).map(SourceEvent::type))
        .contains(EventRecorder.Type.WARNING);
    assertThat(SourceEvents.onReadyChange(gone, gone)).isEmpty();
    assertThat(SourceEvents.onReadyChange(gone, RUNNING_AT_1).map(SourceEvent::type))
        .contains(EventRecorder.Type.NORMAL);
  }

  @Test
  void successIsRecordedOncePerRevision() {
    ReadyState progressing = new ReadyState("Unknown", "Progressing", "applied, 0/2 apps ready");
    assertThat(SourceEvents.onReadyChange(progressing, RUNNING_AT_1))
        .contains(
            new SourceEvent(
                EventRecorder.Type.NORMAL, "Succeeded", "2/2 apps running at main@sha1:1"));
    assertThat(SourceEvents.onReadyChange(RUNNING_AT_1, RUNNING_AT_1)).isEmpty();
    ReadyState runningAt2 = new ReadyState("True", "Succeeded", "2/2 apps running at main@sha1:2");
    assertThat(SourceEvents.onReadyChange(RUNNING_AT_1, runningAt2)).isPresent();
  }

  @Test
  void progressAndCompileFailuresAreNotTransitionEvents() {
    // Applied and CompileFailed are recorded once per revision where they happen; progress
    // messages change with every app that becomes ready.
    assertThat(
            SourceEvents.onReadyChange(
                RUNNING_AT_1, new ReadyState("Unknown", "Progressing", "applied, 1/2 apps ready")))
        .isEmpty();
    assertThat(
            SourceEvents.onReadyChange(
                RUNNING_AT_1, new ReadyState("False", "CompileFailed", "a.yml:1:1 bad")))
        .isEmpty();
  }

  @Test
  void aMissedProgressDeadlineIsRecordedOnce() {
    ReadyState late =
        new ReadyState("False", "ProgressDeadlineExceeded", "hello: CrashLoopBackOff (3 restarts)");
    ReadyState later =
        new ReadyState("False", "ProgressDeadlineExceeded", "hello: CrashLoopBackOff (9 restarts)");
    assertThat(
            SourceEvents.onReadyChange(
                new ReadyState("Unknown", "Progressing", "applied, 1/2 apps ready"), late))
        .map(SourceEvent::reason)
        .contains("ProgressDeadlineExceeded");
    assertThat(SourceEvents.onReadyChange(late, later)).isEmpty();
  }

  @Test
  void anOwnershipConflictIsRecordedOncePerConflict() {
    ReadyState refused =
        new ReadyState(
            "False", "OwnershipConflict", "space acme/dev is managed by GitSource team-a/x");
    Optional<SourceEvent> first = SourceEvents.onReadyChange(NONE, refused);
    assertThat(first.map(SourceEvent::type)).contains(EventRecorder.Type.WARNING);
    assertThat(SourceEvents.onReadyChange(refused, refused)).isEmpty();
    assertThat(
            SourceEvents.onReadyChange(
                refused,
                new ReadyState(
                    "False", "OwnershipConflict", "space acme/prod is managed by GitSource b/y")))
        .isPresent();
  }
}
