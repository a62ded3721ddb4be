package dev.gitfoundry.gitsync;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one repository and branch the cheap way: an ls-remote of that single ref; only when the
 * head moved, a depth-1 fetch of that branch into a per-repository cache, then a {@link Snapshot}
 * of the new head. Memory is bounded by the snapshot; history is never walked.
 *
 * <p>Not thread-safe per instance by design: the scheduler runs one poll per repository at a time;
 * {@link #poll()} is synchronized to keep that true for direct callers too.
 */
public final class GitPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GitPoller.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** More packs than this and the cache is rebuilt on the next change, to bound disk use. */
  private static final int MAX_CACHED_PACKS = 16;

  private final RepositorySource source;
  private final String redactedUrl;
  private final String branchRef;
  private final FetchCache cache;
  private final RepositoryMetrics.Counters counters;
  private final GitTransportAuth auth;
  private final int timeoutSeconds;
  private final Clock clock;
  private volatile String knownSha;

  public GitPoller(RepositorySource source, Path cacheRoot, RepositoryMetrics metrics)
      throws InvalidSourceException {
    this(source, cacheRoot, metrics, DEFAULT_TIMEOUT, Clock.systemUTC());
  }

  public GitPoller(
      RepositorySource source,
      Path cacheRoot,
      RepositoryMetrics metrics,
      Duration timeout,
      Clock clock)
      throws InvalidSourceException {
    this.source = source;
    this.redactedUrl = RepositoryUrls.redact(source.url());
    // A full ref (e.g. refs/pull/7/head for a preview) is fetched as given; a name is a branch.
    this.branchRef =
        source.branch().startsWith("refs/") ? source.branch() : "refs/heads/" + source.branch();
    Path cacheDirectory = cacheRoot.resolve(cacheName(source.key()));
    this.cache = new FetchCache(cacheDirectory);
    this.counters = metrics.forRepository(source.key());
    this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    this.clock = clock;
    this.auth = new GitTransportAuth(source.credentials(), source.url(), cacheDirectory);
  }

  public RepositorySource source() {
    return source;
  }

  /** The head this poller last snapshotted, or null before the first change. */
  public String knownSha() {
    return knownSha;
  }

  /**
   * Seeds the head already handled (e.g. {@code lastFetchedRevision} after a restart), so an
   * unchanged head costs one ls-remote. Null forces a snapshot on the next poll.
   */
  public void assumeKnown(String sha) {
    this.knownSha = sha;
  }

  public synchronized PollResult poll() throws GitSyncException {
    counters.poll();
    try {
      String head = lsRemote();
      if (head.equals(knownSha)) {
        counters.success(clock.instant());
        return new PollResult.Unchanged(head);
      }
      Snapshot snapshot = fetchSnapshot();
      knownSha = snapshot.sha();
      counters.success(clock.instant());
      return new PollResult.Changed(snapshot);
    } catch (GitSyncException e) {
      counters.failure();
      throw e;
    }
  }

  /** The sha of the branch head on the remote, without fetching anything. */
  public synchronized String lsRemote() throws GitSyncException {
    counters.lsRemote();
    auth.beginOperation();
    try (Transport transport = Transport.open(remoteUri())) {
      auth.configure(transport);
      transport.setTimeout(timeoutSeconds);
      // Asking for the one ref lets protocol v2 servers advertise just that ref.
      try (FetchConnection connection = transport.openFetch(List.of(new RefSpec(branchRef)))) {
        Ref head = connection.getRef(branchRef);
        if (head == null || head.getObjectId() == null) {
          throw new BranchNotFoundException(redactedUrl, source.branch());
        }
        return head.getObjectId().name();
      }
    } catch (GitSyncException e) {
      throw e;
    } catch (NotSupportedException e) {
      throw new InvalidSourceException("unsupported repository URL: " + redactedUrl, e);
    } catch (NoRemoteRepositoryException e) {
      throw repositoryNotFound(e);
    } catch (org.eclipse.jgit.errors.TransportException e) {
      throw classify("ls-remote", e);
    }
  }

  private Snapshot fetchSnapshot() throws GitSyncException {
    Snapshot snapshot = fetchAndRead();
    if (cache.packCount() > MAX_CACHED_PACKS) {
      log.info("rebuilding the cache of {} on the next change", source.key());
      deleteCache();
    }
    return snapshot;
  }

  private Snapshot fetchAndRead() throws GitSyncException {
    try (Repository repository = cache.open();
        Git git = new Git(repository)) {
      long sizeBefore = cache.objectBytes();
      auth.beginOperation();
      long started = System.nanoTime();
      FetchResult result =
          git.fetch()
              .setRemote(source.url().trim())
              .setRefSpecs(new RefSpec("+" + branchRef + ":" + branchRef))
              .setDepth(1)
              .setTagOpt(TagOpt.NO_TAGS)
              .setTimeout(timeoutSeconds)
              .setTransportConfigCallback(auth::configure)
              .call();
      counters.fetched(
          cache.objectBytes() - sizeBefore, Duration.ofNanos(System.nanoTime() - started));
      Ref fetched = result.getAdvertisedRef(branchRef);
      if (fetched == null || fetched.getObjectId() == null) {
        throw new BranchNotFoundException(redactedUrl, source.branch());
      }
      ObjectId head = fetched.getObjectId();
      return new SnapshotReader(repository, source).read(head);
    } catch (GitSyncException e) {
      throw e;
    } catch (InvalidRemoteException e) {
      throw repositoryNotFound(e);
    } catch (org.eclipse.jgit.api.errors.TransportException e) {
      throw classify("fetch", e);
    } catch (GitAPIException e) {
      throw new GitTransportException("fetch of " + redactedUrl + " failed: " + scrub(e), e);
    } catch (IOException e) {
      deleteCache(); // a broken cache costs one full depth-1 fetch, never a wrong snapshot
      throw new GitTransportException(
          "cache of " + redactedUrl + " unusable, rebuilt on next poll: " + scrub(e), e);
    }
  }

  private GitSyncException classify(String operation, Exception e) {
    if (auth.hostKeyRejected()) {
      return new GitAuthenticationException(
          operation
              + " of "
              + redactedUrl
              + ": the server's host key is not in known_hosts (no trust on first use)",
          e);
    }
    if (auth.rejectedLastOperation(e) || refusedOverHttp()) {
      return new GitAuthenticationException(
          operation
              + " of "
              + redactedUrl
              + ": authentication failed; check the credentials of this source",
          e);
    }
    return new GitTransportException(operation + " of " + redactedUrl + " failed: " + scrub(e), e);
  }

  private boolean refusedOverHttp() {
    if (!HttpCredentialProbe.applies(source.url())) {
      return false;
    }
    OptionalInt status = HttpCredentialProbe.status(source.url(), source.credentials());
    return status.isPresent() && (status.getAsInt() == 401 || status.getAsInt() == 403);
  }

  private GitSyncException repositoryNotFound(Exception e) {
    return new InvalidSourceException(
        "repository " + redactedUrl + " not found, or not readable with these credentials", e);
  }

  private String scrub(Exception e) {
    return auth.scrub(e.getMessage());
  }

  private URIish remoteUri() throws InvalidSourceException {
    try {
      return new URIish(source.url().trim());
    } catch (URISyntaxException e) {
      throw new InvalidSourceException("malformed repository URL: " + redactedUrl);
    }
  }

  private void deleteCache() {
    if (!cache.delete()) {
      log.warn("could not delete the fetch cache of {}", source.key());
    }
  }

  static String cacheName(RepositoryKey key) {
    return FetchCache.directoryName(key);
  }

  @Override
  public void close() {
    auth.close();
  }

  @Override
  public String toString() {
    return "GitPoller[" + source + "]";
  }
}
