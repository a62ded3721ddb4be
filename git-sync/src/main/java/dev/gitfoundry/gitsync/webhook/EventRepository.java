package dev.gitfoundry.gitsync.webhook;

import java.util.List;
import java.util.stream.Stream;

/** A repository's URLs as the forge names them in a payload; any may be null. */
public record EventRepository(String cloneUrl, String sshUrl, String htmlUrl) {
  public List<String> present() {
    return Stream.of(cloneUrl, sshUrl, htmlUrl)
        .filter(url -> url != null && !url.isBlank())
        .toList();
  }
}
