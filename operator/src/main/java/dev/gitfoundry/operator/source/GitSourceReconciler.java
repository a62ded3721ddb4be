package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryKey;
import dev.gitfoundry.gitsync.RepositorySource;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.delivery.RevisionHistory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A GitSource: keeps its repository polled, compiles each new snapshot, applies it whole or not at
 * all, and reports the outcome as conditions and a commit status. A failed fetch, a compile error
 * or a deleted branch never prunes: the last good revision keeps running.
 */
@ControllerConfiguration(
    name = "gitsource",
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public final class GitSourceReconciler implements Reconciler<GitSource>, Cleaner<GitSource> {
  private static final Logger LOG = LoggerFactory.getLogger(GitSourceReconciler.class);
  private static final Duration WHILE_PROGRESSING = Duration.ofSeconds(5);
  private static final Duration PROGRESS_POSTS_EVERY = Duration.ofSeconds(15);

  private final KubernetesClient client;
  private final PollScheduler scheduler;
  private final SourceSnapshots snapshots;
  private final OperatorConfig config;
  private final Clock clock;
  private final SourceSecrets secrets;
  private final Applier applier;
  private final Compiler compiler;
  private final CommitStatusReporter statuses;
  private final SourceEvents events;
  private final OwnershipCheck ownership;
  private final DriftChecks driftChecks;
  private final SourceConditions conditions;
  private final Map<ResourceID, Instant> progressPosts = new ConcurrentHashMap<>();
  private final BooleanSupplier leading;

  /** What became of a new revision. */
  private enum Outcome {
    APPLIED,
    COMPILE_FAILED,
    REFUSED
  }

  public GitSourceReconciler(
      KubernetesClient client,
      PollScheduler scheduler,
      SourceSnapshots snapshots,
      OperatorConfig config,
      BooleanSupplier leading,
      Clock clock) {
    this.client = client;
    this.leading = leading;
    this.scheduler = scheduler;
    this.snapshots = snapshots;
    this.config = config;
    this.clock = clock;
    this.secrets = new SourceSecrets(client);
    this.applier = new Applier(client);
    this.compiler = new Compiler(config.defaultDomain());
    this.statuses = new CommitStatusReporter(secrets, config.publicBaseUrl(), clock);
    this.events = new SourceEvents(client, clock);
    this.ownership = new OwnershipCheck(client);
    this.driftChecks = new DriftChecks(clock);
    this.conditions = new SourceConditions(clock);
  }

  @Override
  public List<EventSource<?, GitSource>> prepareEventSources(
      EventSourceContext<GitSource> context) {
    InformerEventSourceConfiguration<CFApp> apps =
        InformerEventSourceConfiguration.from(CFApp.class, GitSource.class)
            .withLabelSelector(Labels.SOURCE)
            .withSecondaryToPrimaryMapper(
                app -> {
                  Map<String, String> labels = app.getMetadata().getLabels();
                  return Set.of(
                      new ResourceID(
                          labels.get(Labels.SOURCE), labels.get(Labels.SOURCE_NAMESPACE)));
                })
            .build();
    return List.of(new InformerEventSource<>(apps, context), snapshots.eventSource());
  }

  @Override
  public UpdateControl<GitSource> reconcile(GitSource source, Context<GitSource> context)
      throws Exception {
    if (!leading.getAsBoolean()) {
      // The Lease is gone; the process exits (or, in tests, stays) while the new leader takes
      // over. Applying or posting now would race it.
      return UpdateControl.noUpdate();
    }
    SourceEvents.ReadyState before = SourceEvents.ReadyState.of(source);
    UpdateControl<GitSource> control = reconcileSource(source);
    events.readyChanged(source, before);
    if (!control.isPatchStatus()) {
      return control;
    }
    // The status records what was attempted and posted; a reconcile that read an older copy from
    // the informer cache would apply and post again. So the patch waits until the cache has it.
    GitSource written = new GitSource();
    written.getMetadata().setName(source.getMetadata().getName());
    written.getMetadata().setNamespace(source.getMetadata().getNamespace());
    written.setStatus(source.getStatus());
    PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(source, written, context);
    UpdateControl<GitSource> none = UpdateControl.noUpdate();
    control.getScheduleDelay().ifPresent(none::rescheduleAfter);
    return none;
  }

  private UpdateControl<GitSource> reconcileSource(GitSource source) throws Exception {
    GitSourceStatus status =
        source.getStatus() == null ? new GitSourceStatus() : source.getStatus();
    source.setStatus(status);
    // status.previews belongs to the preview controller: leaving it out of this controller's
    // server-side apply keeps a stale copy from overwriting it.
    status.setPreviews(null);
    status.setObservedGeneration(source.getMetadata().getGeneration());
    ResourceID id = ResourceID.fromResource(source);
    RepositoryKey key = RepositoryKey.of(source.getSpec().getUrl(), branch(source));

    if (Boolean.TRUE.equals(source.getSpec().getSuspend())) {
      stopPolling(id, key);
      conditions.ready(
          status,
          source,
          Conditions.UNKNOWN,
          "Suspended",
          "suspended: not polling and not applying");
      return UpdateControl.patchStatus(source);
    }
    try {
      if (source.getSpec().getForge() != null) {
        // Reported here; SourceWebhooks, which verifies deliveries, runs on every replica.
        secrets.value(
            source.getMetadata().getNamespace(),
            source.getSpec().getForge().getWebhookSecretRef(),
            "secret");
      }
      snapshots.subscribe(id, key);
      scheduler.upsert(
          new RepositorySource(
              source.getSpec().getUrl(),
              branch(source),
              Set.of(path(source)),
              secrets.gitCredentials(source),
              GoDurations.parse(source.getSpec().getInterval(), Duration.ofMinutes(1))));
    } catch (SourceSecrets.MissingSecretException e) {
      conditions.ready(status, source, Conditions.FALSE, "SecretNotFound", e.getMessage());
      return UpdateControl.patchStatus(source).rescheduleAfter(Duration.ofMinutes(1));
    }

    SourceSnapshots.State state = snapshots.state(key).orElse(null);
    if (state != null && state.failure() != null) {
      conditions.fetchFailed(status, source, state.failure());
    } else {
      Conditions.remove(status, Conditions.STALLED);
    }
    if (state == null || state.snapshot() == null) {
      if (state == null) {
        conditions.set(
            status,
            source,
            Conditions.RECONCILING,
            Conditions.TRUE,
            "Fetching",
            "waiting for the first fetch");
      }
      return UpdateControl.patchStatus(source).rescheduleAfter(Duration.ofSeconds(2));
    }
    Snapshot snapshot = state.snapshot();
    status.setLastFetchedRevision(snapshot.revision());

    Duration nextDriftCheck = null;
    if (!snapshot.revision().equals(status.getLastAttemptedRevision())) {
      Outcome outcome = applyRevision(source, status, snapshot);
      if (outcome == Outcome.COMPILE_FAILED) {
        return UpdateControl.patchStatus(source);
      }
      if (outcome == Outcome.REFUSED) {
        return UpdateControl.patchStatus(source).rescheduleAfter(OwnershipCheck.RECHECK_AFTER);
      }
      driftChecks.applied(id);
      progressPosts.put(id, clock.instant()); // "applied, 0/N apps ready" was just posted
    } else if (snapshot.revision().equals(status.getLastAppliedRevision())) {
      nextDriftCheck = driftChecks.takeIfDue(id);
      if (nextDriftCheck.isZero()) {
        correctDrift(source, status, snapshot);
        nextDriftCheck = null;
      }
    }
    if (state.failure() != null) {
      return UpdateControl.patchStatus(source);
    }
    UpdateControl<GitSource> control = reportHealth(source, status, snapshot);
    if (nextDriftCheck != null && control.getScheduleDelay().isEmpty()) {
      // A hand edit woke this reconcile too soon after the last check: look again when due.
      control.rescheduleAfter(nextDriftCheck);
    }
    return control;
  }

  /** Applies the last applied revision again: only objects edited by hand are written. */
  private void correctDrift(GitSource source, GitSourceStatus status, Snapshot snapshot) {
    Compilation compilation = compiler.compile(source, snapshot);
    if (!compilation.valid()) {
      return; // cannot happen for an applied revision, unless the compiler changed under it
    }
    Applier.Result result =
        applier.apply(
            source.getMetadata().getName(),
            source.getMetadata().getNamespace(),
            snapshot.revision(),
            compilation.objects(),
            status.getInventory() == null ? List.of() : status.getInventory(),
            !Boolean.FALSE.equals(source.getSpec().getPrune()));
    if (result.written() > 0 || result.pruned() > 0) {
      status.setInventory(result.inventory());
      events.driftCorrected(source, snapshot.revision(), result);
      logFor(source, snapshot.revision())
          .addKeyValue("written", result.written())
          .addKeyValue("pruned", result.pruned())
          .log("set back objects changed outside Git");
    }
  }

  /**
   * Compiles and applies a new revision. When it fails to compile, or would take an org or space
   * another source manages, nothing changes.
   */
  private Outcome applyRevision(GitSource source, GitSourceStatus status, Snapshot snapshot)
      throws Exception {
    Compilation compilation = compiler.compile(source, snapshot);
    SourceConditions.recordDiagnostics(status, compilation);
    RevisionRecord record =
        RevisionHistory.remember(status, snapshot.revision(), snapshot.commit(), clock.instant());
    if (!compilation.valid()) {
      record.setErrors(status.getErrors());
      record.setErrorCount(status.getErrorCount());
      status.setLastAttemptedRevision(snapshot.revision());
      String message = SourceConditions.compileFailedMessage(status);
      conditions.ready(status, source, Conditions.FALSE, SourceEvents.COMPILE_FAILED, message);
      Conditions.remove(status, Conditions.RECONCILING);
      postQuietly(source, snapshot.sha(), CommitState.FAILURE, message);
      events.compileFailed(source, snapshot.revision(), message);
      logFor(source, snapshot.revision())
          .addKeyValue("errors", compilation.errors().size())
          .log("compile failed, nothing applied: {}", message);
      return Outcome.COMPILE_FAILED;
    }
    var conflict = ownership.check(source, compilation.objects());
    if (conflict.isPresent()) {
      // Not recorded as attempted: reconciles try this revision again until the other source lets
      // go of what it holds.
      String message = conflict.get().message();
      conditions.ready(status, source, Conditions.FALSE, OwnershipCheck.REASON, message);
      Conditions.remove(status, Conditions.RECONCILING);
      postQuietly(source, snapshot.sha(), CommitState.FAILURE, message);
      logFor(source, snapshot.revision()).log("refused, nothing applied: {}", message);
      return Outcome.REFUSED;
    }
    status.setLastAttemptedRevision(snapshot.revision());
    String previousSha = shaOf(status.getLastAppliedRevision());
    List<InventoryEntry> previous =
        status.getInventory() == null ? List.of() : status.getInventory();
    Applier.Result result =
        applier.apply(
            source.getMetadata().getName(),
            source.getMetadata().getNamespace(),
            snapshot.revision(),
            compilation.objects(),
            previous,
            !Boolean.FALSE.equals(source.getSpec().getPrune()));
    status.setInventory(result.inventory());
    status.setLastAppliedRevision(snapshot.revision());
    record.setAppliedAt(clock.instant().toString());
    logFor(source, snapshot.revision())
        .addKeyValue("written", result.written())
        .addKeyValue("unchanged", result.unchanged())
        .addKeyValue("pruned", result.pruned())
        .log("applied");
    events.applied(source, snapshot.revision(), result);
    conditions.set(
        status,
        source,
        Conditions.RECONCILING,
        Conditions.TRUE,
        "Progressing",
        "applied " + snapshot.revision() + ", waiting for apps");
    long apps = compilation.objects().stream().filter(o -> o instanceof CFApp).count();
    postQuietly(source, snapshot.sha(), CommitState.PENDING, "applied, 0/" + apps + " apps ready");
    if (previousSha != null
        && !previousSha.equals(snapshot.sha())
        && "pending".equals(CommitStatusReporter.lastPosted(source, previousSha))) {
      RevisionHistory.find(status, previousSha)
          .ifPresent(older -> older.setSupersededBy(snapshot.sha()));
      postQuietly(source, previousSha, CommitState.ERROR, "superseded by " + snapshot.sha());
    }
    return Outcome.APPLIED;
  }

  private UpdateControl<GitSource> reportHealth(
      GitSource source, GitSourceStatus status, Snapshot snapshot) {
    if (!snapshot.revision().equals(status.getLastAppliedRevision())) {
      // The newest revision failed to compile; a fetch failure since then has recovered.
      if (snapshot.revision().equals(status.getLastAttemptedRevision())
          && status.getErrors() != null
          && !status.getErrors().isEmpty()) {
        conditions.ready(
            status,
            source,
            Conditions.FALSE,
            SourceEvents.COMPILE_FAILED,
            SourceConditions.compileFailedMessage(status));
      }
      return UpdateControl.patchStatus(source);
    }
    SourceHealth health = SourceHealth.of(client, source);
    int total = health.apps().size();
    if (health.allReady()) {
      String message = total + "/" + total + " apps running";
      conditions.ready(
          status, source, Conditions.TRUE, "Succeeded", message + " at " + snapshot.revision());
      Conditions.remove(status, Conditions.RECONCILING);
      postQuietly(source, snapshot.sha(), CommitState.SUCCESS, message);
      return UpdateControl.patchStatus(source);
    }
    Instant appliedAt =
        Conditions.get(status, Conditions.RECONCILING)
            .map(c -> Instant.parse(c.getLastTransitionTime()))
            .orElse(clock.instant());
    SourceHealth.AppState failing = health.firstFailing();
    if (clock.instant().isAfter(appliedAt.plus(config.progressDeadline()))) {
      String message =
          failing.displayName()
              + ": "
              + failing.reason()
              + (failing.message() == null ? "" : " (" + failing.message() + ")");
      conditions.ready(status, source, Conditions.FALSE, "ProgressDeadlineExceeded", message);
      postQuietly(source, snapshot.sha(), CommitState.FAILURE, message);
      return UpdateControl.patchStatus(source).rescheduleAfter(Duration.ofMinutes(1));
    }
    String message = "applied, " + health.readyCount() + "/" + total + " apps ready";
    conditions.ready(status, source, Conditions.UNKNOWN, "Progressing", message);
    // Progress goes to the forge now and then, not once per app: forges rate-limit and list
    // every status in the commit's history.
    ResourceID id = ResourceID.fromResource(source);
    Instant lastPost = progressPosts.get(id);
    if (lastPost == null || !clock.instant().isBefore(lastPost.plus(PROGRESS_POSTS_EVERY))) {
      progressPosts.put(id, clock.instant());
      postQuietly(source, snapshot.sha(), CommitState.PENDING, message);
    }
    return UpdateControl.patchStatus(source).rescheduleAfter(WHILE_PROGRESSING);
  }

  /** A forge that is down must not stop applying; the next reconcile posts again. */
  private void postQuietly(GitSource source, String sha, CommitState state, String description) {
    try {
      statuses.post(source, sha, state, description);
    } catch (ForgeException | SourceSecrets.MissingSecretException e) {
      LOG.warn(
          "{}/{}: commit status for {} not posted: {}",
          source.getMetadata().getNamespace(),
          source.getMetadata().getName(),
          sha,
          e.getMessage());
    }
  }

  /** One line per outcome, with the source and revision as keys (also in JSON logs). */
  private static LoggingEventBuilder logFor(GitSource source, String revision) {
    return LOG.atInfo()
        .addKeyValue(
            "source", source.getMetadata().getNamespace() + "/" + source.getMetadata().getName())
        .addKeyValue("revision", revision);
  }

  @Override
  public DeleteControl cleanup(GitSource source, Context<GitSource> context) {
    driftChecks.forget(ResourceID.fromResource(source));
    progressPosts.remove(ResourceID.fromResource(source));
    stopPolling(
        ResourceID.fromResource(source),
        RepositoryKey.of(source.getSpec().getUrl(), branch(source)));
    if (!Boolean.FALSE.equals(source.getSpec().getPrune())
        && source.getStatus() != null
        && source.getStatus().getInventory() != null) {
      applier.deleteAll(source.getStatus().getInventory());
    }
    return DeleteControl.defaultDelete();
  }

  private void stopPolling(ResourceID id, RepositoryKey key) {
    if (snapshots.unsubscribe(id, key)) {
      scheduler.remove(key);
      snapshots.forget(key);
    }
  }

  static String branch(GitSource source) {
    return source.getSpec().getBranch() == null ? "main" : source.getSpec().getBranch();
  }

  private static String path(GitSource source) {
    String path =
        source.getSpec().getPath() == null
            ? ""
            : source.getSpec().getPath().replaceAll("^/+|/+$", "");
    return path;
  }

  private static String shaOf(String revision) {
    if (revision == null) {
      return null;
    }
    int at = revision.indexOf("@sha1:");
    return at < 0 ? null : revision.substring(at + 6);
  }
}
