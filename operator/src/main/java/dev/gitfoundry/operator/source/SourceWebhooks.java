package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryKey;
import dev.gitfoundry.gitsync.webhook.PullRequestEvent;
import dev.gitfoundry.gitsync.webhook.PushEvent;
import dev.gitfoundry.gitsync.webhook.WebhookListener;
import dev.gitfoundry.gitsync.webhook.WebhookTarget;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import dev.gitfoundry.operator.cache.LeanStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks on every replica, leader or not: a Service spreads deliveries over all pods, and a
 * delivery that lands on a standby must not wait for the next poll. Every replica watches the
 * GitSources to verify signatures; the leader acts on a verified event at once, a standby hands it
 * to the leader by setting {@link Labels#REQUESTED_AT} on the source, which the leader's watch
 * turns into a poll (and a preview refresh). Users can set the same annotation to ask for a poll.
 */
public final class SourceWebhooks
    implements WebhookListener, ResourceEventHandler<GitSource>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceWebhooks.class);

  /** Resyncs re-read webhook secrets, so a rotated secret is picked up without an edit. */
  private static final long RESYNC_MILLIS = 60_000;

  private final KubernetesClient client;
  private final Set<String> namespaces;
  private final WebhookTargets targets;
  private final SourceSecrets secrets;
  private final PollScheduler scheduler;
  private final WebhookListener pullRequests;
  private final Consumer<String> refreshPreviews;
  private final BooleanSupplier leading;
  private final Clock clock;
  private final Map<String, String> branchByTarget = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<GitSource>> informers = new ArrayList<>();

  /**
   * @param pullRequests where a verified pull_request event goes on the leader (previews)
   * @param refreshPreviews asks the preview controller to re-read a source ({@code ns/name})
   */
  public SourceWebhooks(
      KubernetesClient client,
      Set<String> namespaces,
      WebhookTargets targets,
      PollScheduler scheduler,
      WebhookListener pullRequests,
      Consumer<String> refreshPreviews,
      BooleanSupplier leading,
      Clock clock) {
    this.client = client;
    this.namespaces = Set.copyOf(namespaces);
    this.targets = targets;
    this.secrets = new SourceSecrets(client);
    this.scheduler = scheduler;
    this.pullRequests = pullRequests;
    this.refreshPreviews = refreshPreviews;
    this.leading = leading;
    this.clock = clock;
  }

  public void start() {
    if (namespaces.isEmpty()) {
      informers.add(inform(client.resources(GitSource.class).inAnyNamespace()));
    } else {
      for (String namespace : namespaces) {
        informers.add(inform(client.resources(GitSource.class).inNamespace(namespace)));
      }
    }
  }

  /** Webhook targets need a source's spec only: its status (history, inventory) is not kept. */
  private SharedIndexInformer<GitSource> inform(
      io.fabric8.kubernetes.client.dsl.Informable<GitSource> sources) {
    SharedIndexInformer<GitSource> informer =
        sources
            .runnableInformer(RESYNC_MILLIS)
            .itemStore(new LeanStore<GitSource>(source -> source.setStatus(null)));
    informer.addEventHandler(this);
    informer.start();
    return informer;
  }

  @Override
  public void onPush(PushEvent event, List<WebhookTarget> matched) {
    if (event.branch() == null) {
      return; // tags do not move a watched branch
    }
    for (WebhookTarget target : matched) {
      if (!event.branch().equals(branchByTarget.get(target.name()))) {
        continue;
      }
      if (leading.getAsBoolean()) {
        scheduler.triggerNow(RepositoryKey.of(target.repositoryUrl(), event.branch()));
      } else {
        handToLeader(target.name());
      }
    }
  }

  @Override
  public void onPullRequest(PullRequestEvent event, List<WebhookTarget> matched) {
    if (leading.getAsBoolean()) {
      pullRequests.onPullRequest(event, matched);
    } else {
      matched.forEach(target -> handToLeader(target.name()));
    }
  }

  @Override
  public void onAdd(GitSource source) {
    register(source);
  }

  @Override
  public void onUpdate(GitSource before, GitSource after) {
    boolean resync =
        Objects.equals(
            before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
    // Status patches come every few seconds while a revision rolls out; only a spec change or a
    // resync needs the secret read again.
    if (resync
        || !Objects.equals(
            before.getMetadata().getGeneration(), after.getMetadata().getGeneration())) {
      register(after);
    }
    if (leading.getAsBoolean() && !Objects.equals(requestedAt(before), requestedAt(after))) {
      scheduler.triggerNow(RepositoryKey.of(after.getSpec().getUrl(), GitSourceRefs.branch(after)));
      refreshPreviews.accept(name(after));
    }
  }

  @Override
  public void onDelete(GitSource source, boolean finalStateUnknown) {
    targets.remove(name(source));
    branchByTarget.remove(name(source));
  }

  /** Webhooks for a source are accepted only when signed with its secret. */
  private void register(GitSource source) {
    String name = name(source);
    String secret = null;
    if (source.getSpec().getForge() != null) {
      try {
        secret =
            secrets.value(
                source.getMetadata().getNamespace(),
                source.getSpec().getForge().getWebhookSecretRef(),
                "secret");
      } catch (SourceSecrets.MissingSecretException e) {
        // The reconciler reports the missing secret on the source; unsigned hooks stay refused.
        LOG.debug("{}: {}", name, e.getMessage());
      }
    }
    if (secret == null) {
      targets.remove(name);
      branchByTarget.remove(name);
    } else {
      branchByTarget.put(name, GitSourceRefs.branch(source));
      targets.put(new WebhookTarget(name, source.getSpec().getUrl(), secret));
    }
  }

  private void handToLeader(String target) {
    int slash = target.indexOf('/');
    String patch =
        "{\"metadata\":{\"annotations\":{\""
            + Labels.REQUESTED_AT
            + "\":\""
            + clock.instant()
            + "\"}}}";
    try {
      client
          .resources(GitSource.class)
          .inNamespace(target.substring(0, slash))
          .withName(target.substring(slash + 1))
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      // The leader's regular poll still comes; a lost hint only costs latency.
      LOG.warn("{}: could not hand a webhook to the leader: {}", target, e.getMessage());
    }
  }

  private static String requestedAt(GitSource source) {
    Map<String, String> annotations = source.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Labels.REQUESTED_AT);
  }

  private static String name(GitSource source) {
    return source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
