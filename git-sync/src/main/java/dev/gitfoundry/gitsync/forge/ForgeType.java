package dev.gitfoundry.gitsync.forge;

/** The forges git-sync speaks to: webhook dialects and REST clients. */
public enum ForgeType {
  GITEA,
  GITHUB
}
