package dev.gitfoundry.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gitfoundry.api.v1alpha1.GitSource;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code /status/<namespace>/<source>/<sha>}: the page a commit status links to, and {@code
 * /status/<namespace>/<source>}: the source's recent commits. HTML for people, the same data as
 * JSON with {@code Accept: application/json}. A commit the source does not know is a 404, never the
 * source's current state. Pages are served to anyone who reaches the port (the commit status link
 * must open in a browser), so they show only what the commit status and the commit already tell a
 * reader of the repository; see chart/README.md.
 */
final class StatusPage implements HttpHandler {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");
  private static final int FULL_SHA1 = 40;
  private static final int FULL_SHA256 = 64;

  private final StatusReads reads;
  private final Supplier<Boolean> synced;
  private final CommitPages pages;

  /**
   * @param synced waits (bounded) for the caches' first list; false answers 503 until they have it
   */
  StatusPage(StatusReads reads, Supplier<Boolean> synced) {
    this.reads = reads;
    this.synced = synced;
    this.pages = new CommitPages(reads);
  }

  static StatusPage fromInformers(InformerStatusReads reads) {
    return new StatusPage(reads, () -> reads.awaitSynced(Duration.ofSeconds(5)));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    PageResponse response = new PageResponse(exchange);
    if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      response.problem(405, "Status pages are read-only: use GET.");
      return;
    }
    String[] parts =
        exchange.getRequestURI().getRawPath().substring("/status/".length()).split("/", -1);
    if (parts.length < 2
        || parts.length > 3
        || !NAME.matcher(parts[0]).matches()
        || !NAME.matcher(parts[1]).matches()) {
      response.problem(404, "Status pages are at /status/<namespace>/<source>[/<commit sha>].");
      return;
    }
    if (!synced.get()) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      response.problem(503, "Gitfoundry is starting; try again in a few seconds.");
      return;
    }
    Optional<GitSource> found = reads.source(parts[0], parts[1]);
    if (found.isEmpty()) {
      response.problem(404, "There is no GitSource " + parts[0] + "/" + parts[1] + ".");
      return;
    }
    GitSource source = found.get();
    if (parts.length == 2) {
      SourceIndex index = pages.index(source);
      response.page(index, () -> SourceIndexHtml.render(index));
    } else if (parts[2].isEmpty()) {
      response.redirect(301, "../" + parts[1]); // one URL per index
    } else {
      commit(source, parts[2], response);
    }
  }

  private void commit(GitSource source, String requested, PageResponse response)
      throws IOException {
    String name = source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
    if (!SHA.matcher(requested).matches()) {
      response.problem(404, "\"" + requested + "\" is not a commit sha.");
      return;
    }
    String sha = requested.toLowerCase(java.util.Locale.ROOT);
    if (sha.length() != FULL_SHA1 && sha.length() != FULL_SHA256) {
      Optional<String> full = pages.expand(source, sha);
      if (full.isPresent()) {
        response.redirect(302, full.get()); // short links work; the full sha is the stable URL
        return;
      }
    } else {
      Optional<CommitPage> page = pages.commit(source, sha);
      if (page.isPresent()) {
        response.page(page.get(), () -> CommitPageHtml.render(page.get()));
        return;
      }
    }
    boolean full = sha.length() == FULL_SHA1 || sha.length() == FULL_SHA256;
    response.problem(
        404,
        "GitSource "
            + name
            + " does not know commit "
            + sha
            + ": it has not fetched it (yet), or the commit is older than the last revisions it"
            + " keeps."
            + (full ? " This page shows the commit as soon as the source fetches it." : ""),
        "../" + source.getMetadata().getName(),
        full);
  }
}
