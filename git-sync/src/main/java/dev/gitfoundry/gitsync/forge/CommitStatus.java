package dev.gitfoundry.gitsync.forge;

import java.util.Objects;

/** One commit status; the client trims {@code description} to the forge's limit. */
public record CommitStatus(
    CommitState state, String context, String description, String targetUrl) {
  public CommitStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(context, "context");
    description = description == null ? "" : description;
  }
}
