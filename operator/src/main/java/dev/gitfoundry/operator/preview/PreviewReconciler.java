package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.PullRequest;
import dev.gitfoundry.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pull-request previews of one GitSource. Woken by {@code pull_request} webhooks and, as a safety
 * net, every 5 minutes (the forge list is read then, all pages). For each open pull request that
 * targets the watched branch: fetch its head, compile it, deploy only the apps it adds or changes
 * into {@code <space>-pr-<n>}, and report on its head commit (context {@code gitfoundry/preview});
 * a closed, merged or expired pull request loses its preview, namespaces included.
 *
 * <p>A second controller on GitSource (its own name, no finalizer, no status patch through JOSDK),
 * so the GitSource reconciler stays as it is: this one writes only {@code status.previews}, with a
 * merge patch.
 */
@ControllerConfiguration(
    name = "gitsource-previews",
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
public final class PreviewReconciler implements Reconciler<GitSource> {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewReconciler.class);
  private static final Duration SAFETY_POLL = Duration.ofMinutes(5);
  private static final Duration WHILE_DEPLOYING = Duration.ofSeconds(3);
  private static final Duration AFTER_TRANSIENT_ERROR = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private final OperatorConfig config;
  private final Clock clock;
  private final PreviewWebhooks webhooks;
  private final PreviewSources sources;
  private final PreviewApplier applier;
  private final PreviewCommitStatuses statuses;

  private final Map<SourceRef, Map<Integer, PreviewRecord>> records = new ConcurrentHashMap<>();

  /** Heads that got a final answer without a preview (compile error, foundation.yml, no change). */
  private final Map<SourceRef, Map<Integer, String>> settled = new ConcurrentHashMap<>();

  /** Heads whose preview expired: not recreated until the pull request moves. */
  private final Map<SourceRef, Map<Integer, String>> expired = new ConcurrentHashMap<>();

  private final Map<SourceRef, Listing> listings = new ConcurrentHashMap<>();
  private final Map<SourceRef, String> uids = new ConcurrentHashMap<>();

  private final BooleanSupplier leading;

  private record Listing(List<OpenPullRequest> open, Instant at) {}

  public PreviewReconciler(
      KubernetesClient client,
      OperatorConfig config,
      Path cacheDir,
      RepositoryMetrics metrics,
      PreviewWebhooks webhooks,
      BooleanSupplier leading,
      Clock clock) {
    this.client = client;
    this.leading = leading;
    this.config = config;
    this.clock = clock;
    this.webhooks = webhooks;
    PreviewSecrets secrets = new PreviewSecrets(client);
    this.sources =
        new PreviewSources(cacheDir.resolve("previews"), metrics, secrets, config.defaultDomain());
    this.applier = new PreviewApplier(client);
    this.statuses = new PreviewCommitStatuses(secrets);
  }

  @Override
  public List<EventSource<?, GitSource>> prepareEventSources(
      EventSourceContext<GitSource> context) {
    return List.of(webhooks.eventSource());
  }

  @Override
  public UpdateControl<GitSource> reconcile(GitSource source, Context<GitSource> context) {
    if (!leading.getAsBoolean()) {
      return UpdateControl.noUpdate(); // the Lease is gone: the new leader owns the previews
    }
    SourceRef ref = SourceRef.of(source);
    Map<Integer, PreviewRecord> previews = records(ref, source);
    PreviewSpec spec = source.getSpec().getPreviews();
    boolean enabled =
        spec != null
            && Boolean.TRUE.equals(spec.getEnabled())
            && !Boolean.TRUE.equals(source.getSpec().getSuspend());
    if (!enabled) {
      // Turning previews off removes them, like closing every pull request.
      for (Integer number : applier.existing(ref).keySet()) {
        applier.delete(ref, number);
      }
      previews.clear();
      publish(source, previews);
      return UpdateControl.noUpdate();
    }
    if (!PreviewCommitStatuses.hasForge(source)) {
      LOG.warn("{}: previews need spec.forge to list pull requests", ref);
      return UpdateControl.noUpdate();
    }
    List<OpenPullRequest> open;
    try {
      open = openPullRequests(source, ref);
    } catch (ForgeException e) {
      LOG.warn("{}: listing pull requests failed: {}", ref, e.getMessage());
      return UpdateControl.<GitSource>noUpdate().rescheduleAfter(AFTER_TRANSIENT_ERROR);
    } catch (PreviewException e) {
      LOG.warn("{}: {}", ref, e.getMessage());
      return UpdateControl.<GitSource>noUpdate().rescheduleAfter(AFTER_TRANSIENT_ERROR);
    }

    closeWhatIsNoLongerOpen(ref, open, previews);
    expireStale(source, ref, spec, previews);
    boolean retry = false;
    for (OpenPullRequest pr : open) {
      retry |= !sync(source, ref, spec, pr, previews);
    }
    checkReadiness(source, ref, previews);
    publish(source, previews);
    boolean deploying =
        previews.values().stream().anyMatch(p -> PreviewRecord.PENDING.equals(p.state()));
    Duration next = deploying ? WHILE_DEPLOYING : retry ? AFTER_TRANSIENT_ERROR : null;
    Duration untilExpiry = untilFirstExpiry(spec, previews);
    if (untilExpiry != null && (next == null || untilExpiry.compareTo(next) < 0)) {
      next = untilExpiry;
    }
    return next == null
        ? UpdateControl.noUpdate()
        : UpdateControl.<GitSource>noUpdate().rescheduleAfter(next);
  }

  /** When the oldest preview reaches its TTL, so it is deleted on time, not at the next poll. */
  private Duration untilFirstExpiry(PreviewSpec spec, Map<Integer, PreviewRecord> previews) {
    Duration ttl = PreviewTtl.parse(spec.getTtl());
    if (ttl == null || previews.isEmpty()) {
      return null;
    }
    Instant first =
        previews.values().stream()
            .map(p -> p.updatedAt().plus(ttl))
            .min(Comparator.naturalOrder())
            .orElseThrow();
    Duration until = Duration.between(clock.instant(), first).plusSeconds(1);
    return until.isNegative() ? Duration.ofSeconds(1) : until;
  }

  /**
   * Open pull requests, oldest first (so older ones keep their slots under {@code maxOpen}). The
   * forge is asked when a webhook arrived or the last answer is older than the safety poll.
   */
  private List<OpenPullRequest> openPullRequests(GitSource source, SourceRef ref)
      throws ForgeException, PreviewException {
    Listing listing = listings.get(ref);
    Instant now = clock.instant();
    if (webhooks.takeDirty(ref)
        || listing == null
        || listing.at().plus(SAFETY_POLL).isBefore(now.plusSeconds(1))) {
      List<OpenPullRequest> fresh = new ArrayList<>();
      for (PullRequest pr : statuses.openPullRequests(source)) {
        fresh.add(OpenPullRequest.of(pr));
      }
      fresh.sort(Comparator.comparingInt(OpenPullRequest::number));
      listing = new Listing(List.copyOf(fresh), now);
      listings.put(ref, listing);
      Set<Integer> listed = new java.util.HashSet<>();
      fresh.forEach(pr -> listed.add(pr.number()));
      webhooks.keepClosedHintsFor(ref, listed);
    }
    return listing.open().stream()
        .filter(pr -> !webhooks.closedByWebhook(ref, pr.number()))
        .toList();
  }

  private void closeWhatIsNoLongerOpen(
      SourceRef ref, List<OpenPullRequest> open, Map<Integer, PreviewRecord> previews) {
    Set<Integer> openNumbers = new java.util.HashSet<>();
    open.forEach(pr -> openNumbers.add(pr.number()));
    Set<Integer> present = new java.util.TreeSet<>(previews.keySet());
    present.addAll(applier.existing(ref).keySet()); // also what a previous run left behind
    for (Integer number : present) {
      if (!openNumbers.contains(number)) {
        LOG.info("{}: pull request #{} closed, deleting its preview", ref, number);
        applier.delete(ref, number);
        previews.remove(number);
        forget(settled, ref, number);
        forget(expired, ref, number);
      }
    }
  }

  private void expireStale(
      GitSource source, SourceRef ref, PreviewSpec spec, Map<Integer, PreviewRecord> previews) {
    Duration ttl = PreviewTtl.parse(spec.getTtl());
    if (ttl == null) {
      return;
    }
    Instant now = clock.instant();
    for (PreviewRecord preview : List.copyOf(previews.values())) {
      if (preview.updatedAt().plus(ttl).isBefore(now)) {
        LOG.info("{}: preview of #{} expired after {}", ref, preview.number(), spec.getTtl());
        applier.delete(ref, preview.number());
        previews.remove(preview.number());
        expired
            .computeIfAbsent(ref, k -> new ConcurrentHashMap<>())
            .put(preview.number(), preview.headSha());
        post(
            source,
            preview.headSha(),
            CommitState.ERROR,
            "preview deleted: no push for " + spec.getTtl() + " (ttl); push again to recreate it",
            null);
      }
    }
  }

  /** Brings one pull request's preview to its head; false when it should be retried soon. */
  private boolean sync(
      GitSource source,
      SourceRef ref,
      PreviewSpec spec,
      OpenPullRequest pr,
      Map<Integer, PreviewRecord> previews) {
    int number = pr.number();
    PreviewRecord current = previews.get(number);
    if (current != null && current.headSha().equals(pr.headSha())) {
      return true;
    }
    if (pr.headSha().equals(get(settled, ref, number))
        || pr.headSha().equals(get(expired, ref, number))) {
      return true;
    }
    Set<Integer> deployed = new java.util.HashSet<>(previews.keySet());
    PreviewPolicy.Decision decision =
        PreviewPolicy.decide(spec, PreviewSources.branch(source), pr, deployed);
    switch (decision.verdict()) {
      case IGNORE -> {
        return true;
      }
      case FORK_REFUSED, LIMIT_REACHED -> {
        post(source, pr.headSha(), CommitState.ERROR, decision.reason(), null);
        return true;
      }
      case DEPLOY -> {
        // below
      }
    }
    post(source, pr.headSha(), CommitState.PENDING, "building the preview", null);
    try {
      Snapshot base = sources.fetchBase(source);
      Snapshot head = sources.fetchPullRequest(source, number);
      String sha = head.sha();
      if (sources.changesFoundation(source, base, head)) {
        removePreview(ref, number, previews);
        settle(ref, number, sha);
        post(
            source,
            sha,
            CommitState.ERROR,
            "not previewed: foundation.yml changes domains or defaults of every app;"
                + " review it on its own",
            null);
        return true;
      }
      Compilation compiled = sources.compile(source, head);
      if (!compiled.valid()) {
        settle(ref, number, sha);
        post(source, sha, CommitState.FAILURE, describe(compiled), null);
        return true;
      }
      Compilation baseCompiled = sources.compile(source, base);
      List<HasMetadata> baseObjects = baseCompiled.valid() ? baseCompiled.objects() : List.of();
      List<AppKey> changed = AppChanges.changed(baseObjects, compiled.objects());
      if (changed.isEmpty()) {
        removePreview(ref, number, previews);
        settle(ref, number, sha);
        post(source, sha, CommitState.SUCCESS, "no app changed: nothing to preview", null);
        return true;
      }
      PreviewPlan plan = PreviewPlan.build(ref, number, baseObjects, compiled.objects(), changed);
      Instant now = clock.instant();
      applier.apply(ref, number, sha, withOwner(plan, source), now);
      if (current != null
          && PreviewRecord.PENDING.equals(current.state())
          && !current.headSha().equals(sha)) {
        post(source, current.headSha(), CommitState.ERROR, "superseded by " + sha, null);
      }
      previews.put(
          number,
          new PreviewRecord(
              number,
              sha,
              plan.namespaces(),
              plan.url(),
              PreviewRecord.PENDING,
              plan.apps(),
              now,
              now));
      post(
          source,
          sha,
          CommitState.PENDING,
          "deployed " + String.join(", ", plan.apps()) + "; waiting for them to run",
          plan.url());
      LOG.info("{}: preview of #{} at {} deploys {}", ref, number, sha, plan.apps());
      return true;
    } catch (PreviewException e) {
      if (e.kind() == ErrorKind.INVALID_INPUT) {
        settle(ref, number, pr.headSha());
        post(source, pr.headSha(), CommitState.FAILURE, e.getMessage(), null);
        return true;
      }
      LOG.warn("{}: preview of #{} will be retried: {}", ref, number, e.getMessage());
      return false;
    } catch (KubernetesClientException e) {
      LOG.warn("{}: preview of #{} not applied, will retry: {}", ref, number, e.getMessage());
      return false;
    }
  }

  /**
   * Pending previews whose apps all run get {@code success}; past the deadline, {@code failure}.
   */
  private void checkReadiness(
      GitSource source, SourceRef ref, Map<Integer, PreviewRecord> previews) {
    for (PreviewRecord preview : List.copyOf(previews.values())) {
      if (!PreviewRecord.PENDING.equals(preview.state())) {
        continue;
      }
      PreviewHealth health = PreviewHealth.of(client, ref, preview.number());
      if (health.allReady(preview.apps().size())) {
        previews.put(preview.number(), preview.withState(PreviewRecord.READY));
        String names =
            preview.apps().isEmpty() ? health.names() : String.join(", ", preview.apps());
        post(
            source,
            preview.headSha(),
            CommitState.SUCCESS,
            "preview running: " + names,
            preview.url());
      } else if (preview.deployedAt().plus(config.progressDeadline()).isBefore(clock.instant())) {
        previews.put(preview.number(), preview.withState(PreviewRecord.FAILED));
        post(source, preview.headSha(), CommitState.FAILURE, health.firstFailure(), preview.url());
      }
    }
  }

  private PreviewPlan withOwner(PreviewPlan plan, GitSource source) {
    // Orgs and spaces live beside the GitSource: owning them means deleting the GitSource
    // deletes every preview (their namespaces go with them).
    OwnerReference owner =
        new OwnerReferenceBuilder()
            .withApiVersion(source.getApiVersion())
            .withKind(source.getKind())
            .withName(source.getMetadata().getName())
            .withUid(source.getMetadata().getUid())
            .build();
    for (HasMetadata object : plan.objects()) {
      if (source.getMetadata().getNamespace().equals(object.getMetadata().getNamespace())
          && source.getMetadata().getUid() != null) {
        object.getMetadata().setOwnerReferences(List.of(owner));
      }
    }
    return plan;
  }

  private void removePreview(SourceRef ref, int number, Map<Integer, PreviewRecord> previews) {
    if (previews.remove(number) != null || applier.existing(ref).containsKey(number)) {
      applier.delete(ref, number);
    }
  }

  private static String describe(Compilation compilation) {
    Diagnostic first = compilation.errors().get(0);
    int others = compilation.errors().size() - 1;
    return first.file()
        + ":"
        + first.line()
        + ":"
        + first.column()
        + " "
        + first.message()
        + (others > 0 ? " (and " + others + " more)" : "");
  }

  /** A forge that is down must not stop previews; the client skips what it already posted. */
  private void post(GitSource source, String sha, CommitState state, String text, String url) {
    try {
      statuses.post(source, sha, state, text, url);
    } catch (ForgeException | PreviewException e) {
      LOG.warn(
          "{}: preview status for {} not posted: {}", SourceRef.of(source), sha, e.getMessage());
    }
  }

  /** Writes {@code status.previews} only, so the GitSource reconciler's fields stay its own. */
  private void publish(GitSource source, Map<Integer, PreviewRecord> previews) {
    List<PreviewStatus> desired =
        previews.values().stream()
            .sorted(Comparator.comparingInt(PreviewRecord::number))
            .map(PreviewRecord::toStatus)
            .toList();
    List<PreviewStatus> current =
        source.getStatus() == null || source.getStatus().getPreviews() == null
            ? List.of()
            : source.getStatus().getPreviews();
    if (current.equals(desired)) {
      return;
    }
    String json =
        "{\"status\":{\"previews\":"
            + (desired.isEmpty() ? "null" : client.getKubernetesSerialization().asJson(desired))
            + "}}";
    try {
      client
          .resources(GitSource.class)
          .inNamespace(source.getMetadata().getNamespace())
          .withName(source.getMetadata().getName())
          .subresource("status")
          .patch(
              new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                  .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE)
                  .build(),
              json);
    } catch (KubernetesClientException e) {
      LOG.warn("{}: status.previews not written: {}", SourceRef.of(source), e.getMessage());
    }
  }

  /** The previews of a source, rebuilt from its status after a restart. */
  private Map<Integer, PreviewRecord> records(SourceRef ref, GitSource source) {
    String uid = source.getMetadata().getUid();
    if (uid != null && !uid.equals(uids.put(ref, uid))) {
      // A GitSource deleted and created again under the same name starts from its own status.
      records.remove(ref);
      settled.remove(ref);
      expired.remove(ref);
      listings.remove(ref);
    }
    return records.computeIfAbsent(
        ref,
        k -> {
          Map<Integer, PreviewRecord> seeded = new TreeMap<>();
          Map<Integer, List<Namespace>> existing = applier.existing(ref);
          if (source.getStatus() != null && source.getStatus().getPreviews() != null) {
            for (PreviewStatus status : source.getStatus().getPreviews()) {
              if (status.getNumber() != null && status.getHeadSha() != null) {
                seeded.put(
                    status.getNumber(),
                    PreviewRecord.fromStatus(status, updatedAt(existing.get(status.getNumber()))));
              }
            }
          }
          return new ConcurrentHashMap<>(seeded);
        });
  }

  private Instant updatedAt(List<Namespace> namespaces) {
    if (namespaces != null) {
      for (Namespace namespace : namespaces) {
        Map<String, String> annotations = namespace.getMetadata().getAnnotations();
        if (annotations != null && annotations.get(PreviewLabels.UPDATED_AT) != null) {
          return Instant.parse(annotations.get(PreviewLabels.UPDATED_AT));
        }
      }
    }
    return clock.instant();
  }

  private void settle(SourceRef ref, int number, String sha) {
    settled.computeIfAbsent(ref, k -> new ConcurrentHashMap<>()).put(number, sha);
  }

  private static String get(Map<SourceRef, Map<Integer, String>> map, SourceRef ref, int number) {
    return map.getOrDefault(ref, Map.of()).get(number);
  }

  private static void forget(Map<SourceRef, Map<Integer, String>> map, SourceRef ref, int number) {
    Map<Integer, String> byNumber = map.get(ref);
    if (byNumber != null) {
      byNumber.remove(number);
    }
  }
}
