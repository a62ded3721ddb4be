package dev.gitfoundry.operator.http;

/**
 * An open pull-request preview.
 *
 * @param state {@code pending}, {@code ready} or {@code failed}
 * @param url where the preview app answers
 */
record PreviewView(int number, String pullRequestUrl, String headSha, String state, String url) {}
