package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.gitsync.forge.CommitStatus;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.gitsync.forge.ForgeUnavailableException;
import dev.gitfoundry.gitsync.forge.PullRequest;
import dev.gitfoundry.gitsync.forge.PullRequestComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A forge in memory: records every status posted, and can be down. Unlike the real clients it keeps
 * no memory of its own, so a duplicate post shows here.
 */
public final class FakeForge implements ForgeClient {
  public final List<CommitStatus> posted = new ArrayList<>();
  public final List<PullRequestComment> comments = new ArrayList<>();
  public boolean down;

  @Override
  public boolean postStatus(ForgeRepository repository, String sha, CommitStatus status)
      throws ForgeException {
    if (down) {
      throw new ForgeUnavailableException(503, "forge down", null);
    }
    posted.add(status);
    return true;
  }

  @Override
  public void rememberPosted(ForgeRepository repository, String sha, CommitStatus status) {}

  @Override
  public Optional<CommitStatus> latestStatus(
      ForgeRepository repository, String sha, String context) {
    return Optional.empty();
  }

  @Override
  public List<PullRequest> listOpenPullRequests(ForgeRepository repository) {
    return List.of();
  }

  @Override
  public List<PullRequestComment> listComments(ForgeRepository repository, int number) {
    return List.copyOf(comments);
  }

  @Override
  public long createComment(ForgeRepository repository, int number, String body) {
    comments.add(new PullRequestComment(comments.size() + 1, "gitfoundry", body));
    return comments.size();
  }

  @Override
  public void editComment(ForgeRepository repository, long id, String body) {
    comments.set((int) id - 1, new PullRequestComment(id, "gitfoundry", body));
  }

  @Override
  public int descriptionLimit() {
    return 140;
  }
}
