package dev.gitfoundry.gitsync.forge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was last posted per (repository, sha, context), so the same status is posted once. Bounded
 * (least recently used entries go) because commits accumulate forever.
 */
final class PostedStatuses {
  private final Map<Key, CommitStatus> posted;

  PostedStatuses(int capacity) {
    this.posted =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, CommitStatus> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized boolean alreadyPosted(ForgeRepository repository, String sha, CommitStatus status) {
    return status.equals(posted.get(new Key(repository, sha, status.context())));
  }

  synchronized void remember(ForgeRepository repository, String sha, CommitStatus status) {
    posted.put(new Key(repository, sha, status.context()), status);
  }

  private record Key(ForgeRepository repository, String sha, String context) {}
}
