package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.PullRequest;
import dev.gitfoundry.operator.forge.ForgeAccess;
import dev.gitfoundry.operator.forge.SourceForges;
import dev.gitfoundry.operator.source.SourceSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open pull requests of a source, oldest first (so older ones keep their slots under {@code
 * maxOpen}). The forge is asked when a webhook arrived or the last answer is older than the safety
 * poll; a "closed" webhook is believed at once, since the forge's list may lag behind it.
 */
final class PullRequestListing {
  static final Duration SAFETY_POLL = Duration.ofMinutes(5);

  private record Listing(String uid, List<OpenPullRequest> open, Instant at) {}

  private final ForgeAccess forges;
  private final PreviewWebhooks webhooks;
  private final Clock clock;
  private final Map<SourceRef, Listing> listings = new ConcurrentHashMap<>();

  PullRequestListing(ForgeAccess forges, PreviewWebhooks webhooks, Clock clock) {
    this.forges = forges;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  List<OpenPullRequest> open(GitSource source)
      throws ForgeException, SourceSecrets.MissingSecretException {
    SourceRef ref = SourceRef.of(source);
    Listing listing = listings.get(ref);
    Instant now = clock.instant();
    boolean stale =
        listing == null
            || !listing.uid().equals(source.getMetadata().getUid())
            || !listing.at().plus(SAFETY_POLL).isAfter(now.plusSeconds(1));
    if (webhooks.takeDirty(ref) || stale) {
      ForgeClient client = forges.client(source).orElseThrow();
      List<OpenPullRequest> fresh = new ArrayList<>();
      for (PullRequest pr : client.listOpenPullRequests(SourceForges.repository(source))) {
        fresh.add(OpenPullRequest.of(pr));
      }
      fresh.sort(Comparator.comparingInt(OpenPullRequest::number));
      listing = new Listing(String.valueOf(source.getMetadata().getUid()), List.copyOf(fresh), now);
      listings.put(ref, listing);
      Set<Integer> listed = new HashSet<>();
      fresh.forEach(pr -> listed.add(pr.number()));
      webhooks.keepClosedHintsFor(ref, listed);
    }
    return listing.open().stream()
        .filter(pr -> !webhooks.closedByWebhook(ref, pr.number()))
        .toList();
  }

  void forget(GitSource source) {
    listings.remove(SourceRef.of(source));
  }
}
