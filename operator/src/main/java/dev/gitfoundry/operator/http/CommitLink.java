package dev.gitfoundry.operator.http;

/** Another commit: its status page on this server and its page on the forge. */
record CommitLink(String sha, String shortSha, String page, String url) {}
