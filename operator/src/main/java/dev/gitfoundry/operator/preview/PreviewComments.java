package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.gitsync.forge.ForgeClient;
import dev.gitfoundry.gitsync.forge.ForgeException;
import dev.gitfoundry.gitsync.forge.ForgeNotFoundException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.gitsync.forge.PullRequestComment;
import dev.gitfoundry.operator.forge.ForgeAccess;
import dev.gitfoundry.operator.forge.SourceForges;
import dev.gitfoundry.operator.source.SourceSecrets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One comment per pull request, edited in place: its id is kept in the preview's status, and when
 * that is lost (or the comment was deleted) the comment is found again by its marker, as Flux's
 * notification-controller does, before a new one is created. A body equal to the last one written
 * is not sent again.
 */
final class PreviewComments {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewComments.class);

  private final ForgeAccess forges;
  private final Map<String, Integer> written = new ConcurrentHashMap<>();
  private final Map<String, String> details = new ConcurrentHashMap<>();

  PreviewComments(ForgeAccess forges) {
    this.forges = forges;
  }

  /** Writes the comment for a new head; a forge error is logged, not thrown. */
  void write(GitSource source, PreviewStatus preview, String headDetails) {
    details.put(key(source, preview), headDetails);
    send(source, preview, PreviewCommentText.render(SourceRef.of(source), preview, headDetails));
  }

  /** Rewrites the state part of the comment, keeping the details of the head it describes. */
  void refresh(GitSource source, PreviewStatus preview) {
    String known = details.get(key(source, preview));
    if (known == null) {
      known = detailsOnForge(source, preview).orElse("");
    }
    send(source, preview, PreviewCommentText.render(SourceRef.of(source), preview, known));
  }

  void forget(GitSource source, PreviewStatus preview) {
    String prefix = source.getMetadata().getUid() + "#" + preview.getNumber() + "@";
    details.keySet().removeIf(k -> k.startsWith(prefix));
    written.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private static String key(GitSource source, PreviewStatus preview) {
    return source.getMetadata().getUid() + "#" + preview.getNumber() + "@" + preview.getHeadSha();
  }

  /** After a restart: the details are whatever the comment on the forge says below its state. */
  private Optional<String> detailsOnForge(GitSource source, PreviewStatus preview) {
    try {
      Optional<ForgeClient> client = forges.client(source);
      if (client.isEmpty()) {
        return Optional.empty();
      }
      String marker = PreviewCommentText.marker(SourceRef.of(source));
      for (PullRequestComment comment :
          client.get().listComments(SourceForges.repository(source), preview.getNumber())) {
        int at = comment.body().indexOf(PreviewCommentText.DETAILS);
        if (comment.body().startsWith(marker) && at >= 0) {
          return Optional.of(
              comment.body().substring(at + PreviewCommentText.DETAILS.length() + 1));
        }
      }
    } catch (ForgeException | SourceSecrets.MissingSecretException e) {
      LOG.warn(
          "{}: comment of #{} not read: {}",
          SourceRef.of(source),
          preview.getNumber(),
          e.getMessage());
    }
    return Optional.empty();
  }

  private void send(GitSource source, PreviewStatus preview, String body) {
    String key = key(source, preview);
    if (preview.getCommentId() != null
        && Integer.valueOf(body.hashCode()).equals(written.get(key))) {
      return;
    }
    try {
      Optional<ForgeClient> client = forges.client(source);
      if (client.isEmpty()) {
        return;
      }
      ForgeRepository repository = SourceForges.repository(source);
      Long id = preview.getCommentId();
      if (id != null) {
        try {
          client.get().editComment(repository, id, body);
        } catch (ForgeNotFoundException deleted) {
          id = null;
        }
      }
      if (id == null) {
        id = find(client.get(), repository, preview.getNumber(), SourceRef.of(source));
        if (id != null) {
          client.get().editComment(repository, id, body);
        } else {
          id = client.get().createComment(repository, preview.getNumber(), body);
        }
      }
      preview.setCommentId(id);
      written.put(key, body.hashCode());
    } catch (ForgeException | SourceSecrets.MissingSecretException e) {
      LOG.warn(
          "{}: comment on pull request #{} not written: {}",
          SourceRef.of(source),
          preview.getNumber(),
          e.getMessage());
    }
  }

  private static Long find(
      ForgeClient client, ForgeRepository repository, int number, SourceRef source)
      throws ForgeException {
    String marker = PreviewCommentText.marker(source);
    for (PullRequestComment comment : client.listComments(repository, number)) {
      if (comment.body().startsWith(marker)) {
        return comment.id();
      }
    }
    return null;
  }
}
