package dev.gitfoundry.gitsync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads single files of given commits of a repository: fetches just that commit (depth 1, by its
 * SHA, which protocol v2 servers allow) into a per-repository cache the first time, then reads from
 * the cache. For what is asked rarely and must work anywhere (e.g. the manifest of an app as Git
 * holds it at the applied revision), without a poller's snapshot at hand.
 */
public final class CommitFiles implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** More packs than this and the cache is started over, to bound disk use. */
  private static final int MAX_CACHED_PACKS = 16;

  private final String url;
  private final String redactedUrl;
  private final FetchCache cache;
  private final GitTransportAuth auth;

  public CommitFiles(String url, GitCredentials credentials, Path cacheRoot)
      throws InvalidSourceException {
    this.url = url.trim();
    this.redactedUrl = RepositoryUrls.redact(url);
    Path directory =
        cacheRoot.resolve(FetchCache.directoryName(RepositoryKey.of(url, "commit-files")));
    this.cache = new FetchCache(directory);
    this.auth = new GitTransportAuth(credentials, url, directory);
  }

  /** The file's bytes at that commit, or empty when the commit has no such file. */
  public synchronized Optional<byte[]> read(String sha, String path) throws GitSyncException {
    ObjectId commitId;
    try {
      commitId = ObjectId.fromString(sha);
    } catch (IllegalArgumentException e) {
      throw new InvalidSourceException("not a commit SHA: " + sha);
    }
    try (Repository repository = cache.open()) {
      if (!repository.getObjectDatabase().has(commitId)) {
        fetch(repository, sha);
      }
      try (RevWalk walk = new RevWalk(repository)) {
        RevCommit commit = walk.parseCommit(commitId);
        try (TreeWalk file = TreeWalk.forPath(repository, path, commit.getTree())) {
          if (file == null) {
            return Optional.empty();
          }
          return Optional.of(repository.open(file.getObjectId(0)).getBytes());
        }
      }
    } catch (IOException e) {
      cache.delete(); // a broken cache costs one fetch, never a wrong answer
      throw new GitTransportException(
          "reading " + sha + " of " + redactedUrl + " failed: " + auth.scrub(e.getMessage()), e);
    }
  }

  private void fetch(Repository repository, String sha) throws GitSyncException {
    if (cache.packCount() > MAX_CACHED_PACKS) {
      cache.delete();
    }
    auth.beginOperation();
    try (Git git = new Git(repository)) {
      git.fetch()
          .setRemote(url)
          .setRefSpecs(new RefSpec("+" + sha + ":refs/gitfoundry/commits/" + sha))
          .setDepth(1)
          .setTagOpt(TagOpt.NO_TAGS)
          .setTimeout((int) TIMEOUT.toSeconds())
          .setTransportConfigCallback(auth::configure)
          .call();
    } catch (InvalidRemoteException e) {
      throw new InvalidSourceException(
          "repository " + redactedUrl + " not found, or not readable with these credentials", e);
    } catch (org.eclipse.jgit.api.errors.TransportException e) {
      if (auth.rejectedLastOperation(e)) {
        throw new GitAuthenticationException(
            "fetch of " + redactedUrl + ": authentication failed; check the credentials", e);
      }
      throw new GitTransportException(
          "fetch of " + sha + " from " + redactedUrl + " failed: " + auth.scrub(e.getMessage()), e);
    } catch (GitAPIException e) {
      throw new GitTransportException(
          "fetch of " + sha + " from " + redactedUrl + " failed: " + auth.scrub(e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    auth.close();
  }
}
