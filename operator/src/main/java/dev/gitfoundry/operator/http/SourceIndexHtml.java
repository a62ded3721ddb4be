package dev.gitfoundry.operator.http;

/** The index of a source in HTML: recent commits with their states, and open previews. */
final class SourceIndexHtml {
  private SourceIndexHtml() {}

  static String render(SourceIndex index) {
    // The index is /status/<namespace>/<source>: commit pages are <source>/<sha> relative to it.
    String sourceName = index.source().substring(index.source().indexOf('/') + 1);
    String top =
        "<span>"
            + Html.escape(index.source())
            + "</span>"
            + (index.branch() == null
                ? ""
                : "<span class=\"muted\">branch " + Html.escape(index.branch()) + "</span>")
            + (index.repositoryUrl() == null
                ? ""
                : Html.link(index.repositoryUrl(), "repository ↗", null));
    StringBuilder main = new StringBuilder("<section class=\"card\" id=\"commits\"><h1>");
    main.append(Html.escape(index.source())).append("</h1>");
    if (index.running() != null) {
      main.append("<p class=\"muted\">Running ")
          .append(
              Html.link(
                  sourceName + "/" + index.running().sha(), index.running().shortSha(), "sha"))
          .append("</p>");
    }
    if (index.commits().isEmpty()) {
      main.append("<p>No commit fetched yet.</p>");
    } else {
      main.append(
              "<table><thead><tr><th>State</th><th>Commit</th><th class=\"hide-narrow\">Author</th>")
          .append("<th class=\"hide-narrow\">Committed</th></tr></thead><tbody>");
      for (SourceIndex.Entry entry : index.commits()) {
        main.append("<tr><td>")
            .append(PageLayout.badge(entry.state(), PageLayout.stateLabel(entry.state())))
            .append("</td><td class=\"commit\">")
            .append(Html.link(sourceName + "/" + entry.sha(), entry.shortSha(), "sha"))
            .append(entry.running() ? " <span class=\"muted\">running</span>" : "")
            .append("<div class=\"subject\">")
            .append(Html.escape(entry.subject()))
            .append("</div>");
        if (entry.description() != null) {
          main.append("<div class=\"muted\">")
              .append(Html.escape(entry.description()))
              .append("</div>");
        }
        main.append("</td><td class=\"hide-narrow\">")
            .append(Html.escape(entry.author()))
            .append("</td><td class=\"hide-narrow\">")
            .append(PageLayout.time(entry.committedAt()))
            .append("</td></tr>");
      }
      main.append("</tbody></table>");
    }
    main.append("</section>\n");
    if (!index.previews().isEmpty()) {
      main.append(
          "<section class=\"card\" id=\"previews\"><h2>Open previews</h2><ul class=\"list\">");
      for (PreviewView preview : index.previews()) {
        main.append("<li>")
            .append(PageLayout.badge(preview.state(), PageLayout.stateLabel(preview.state())))
            .append(Html.link(preview.pullRequestUrl(), "#" + preview.number(), null));
        if (preview.headSha() != null) {
          main.append(
              Html.link(
                  sourceName + "/" + preview.headSha(),
                  CommitPages.shortSha(preview.headSha()),
                  "sha"));
        }
        if (preview.url() != null) {
          main.append(Html.link(preview.url(), preview.url(), null));
        }
        main.append("</li>");
      }
      main.append("</ul></section>\n");
    }
    return PageLayout.page(index.source() + " · Gitfoundry", top, main.toString(), index.pending());
  }
}
