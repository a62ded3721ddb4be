package dev.gitfoundry.gitsync.forge;

/** A comment on a pull request (both forges keep them as issue comments). */
public record PullRequestComment(long id, String author, String body) {}
