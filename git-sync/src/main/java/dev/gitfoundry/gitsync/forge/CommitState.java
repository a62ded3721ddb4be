package dev.gitfoundry.gitsync.forge;

import java.util.Locale;

/** Commit status states both Gitea and GitHub accept. */
public enum CommitState {
  PENDING,
  SUCCESS,
  FAILURE,
  ERROR;

  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
