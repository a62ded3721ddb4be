package dev.gitfoundry.operator.http;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A commit's page in HTML: the commit and its state first (what a developer came for), then what it
 * changed, the errors linked to their lines, the apps, the preview, and the state's timeline. Every
 * text from Git or the cluster goes through {@link Html}. Links between pages are relative, so the
 * pages work under any path prefix an ingress adds.
 */
final class CommitPageHtml {
  private CommitPageHtml() {}

  static String render(CommitPage page) {
    String sourceName = page.source().substring(page.source().indexOf('/') + 1);
    String index = "../" + sourceName;
    String top =
        Html.link(index, page.source(), null)
            + (page.branch() == null
                ? ""
                : "<span class=\"muted\">branch " + Html.escape(page.branch()) + "</span>")
            + (page.repositoryUrl() == null
                ? ""
                : Html.link(page.repositoryUrl(), "repository ↗", null));
    StringBuilder main = new StringBuilder();
    main.append(hero(page));
    main.append(changes(page.changes()));
    main.append(errors(page));
    main.append(apps(page));
    main.append(preview(page.preview()));
    main.append(timeline(page));
    String title =
        PageLayout.stateLabel(page.state())
            + " · "
            + (page.commit().subject() == null ? page.commit().shortSha() : page.commit().subject())
            + " · "
            + page.source();
    return PageLayout.page(title, top, main.toString(), page.pending());
  }

  private static String hero(CommitPage page) {
    CommitPage.Commit commit = page.commit();
    boolean superseded = page.supersededBy() != null && "error".equals(page.state());
    StringBuilder out = new StringBuilder();
    out.append("<section class=\"card hero ")
        .append(Html.escape(page.state()))
        .append("\" id=\"commit\">")
        .append(
            PageLayout.badge(
                page.state(), superseded ? "Superseded" : PageLayout.stateLabel(page.state())))
        .append("<h1 class=\"subject\">")
        .append(
            Html.escape(
                commit.subject() == null ? "Commit " + commit.shortSha() : commit.subject()))
        .append("</h1><p class=\"meta\">")
        .append(Html.link(commit.url(), commit.shortSha(), "sha"));
    if (commit.author() != null) {
      out.append(" · <span class=\"author\">")
          .append(Html.escape(commit.author()))
          .append("</span>");
    }
    if (commit.committedAt() != null) {
      out.append(" · <span>committed ")
          .append(PageLayout.time(commit.committedAt()))
          .append("</span>");
    }
    out.append("</p>");
    if (page.description() != null) {
      out.append("<p class=\"description\">")
          .append(Html.escape(page.description()))
          .append("</p>");
    }
    if (page.supersededBy() != null) {
      out.append("<p class=\"note\">Superseded by ")
          .append(Html.link(page.supersededBy().sha(), page.supersededBy().shortSha(), "sha"))
          .append(", applied before this commit was running.</p>");
    } else if (page.runningCommit() != null) {
      out.append("<p class=\"note\">")
          .append(
              "failure".equals(page.state()) && page.commit().appliedAt() == null
                  ? "Nothing of this commit was applied; "
                  : "This commit is not running; ")
          .append(Html.link(page.runningCommit().sha(), page.runningCommit().shortSha(), "sha"))
          .append(" runs now.</p>");
    }
    return out.append("</section>\n").toString();
  }

  private static String timeline(CommitPage page) {
    CommitPage.Commit commit = page.commit();
    if (commit.fetchedAt() == null && page.states().isEmpty()) {
      return "";
    }
    String start = commit.fetchedAt();
    StringBuilder out =
        new StringBuilder(
            "<section class=\"card\" id=\"timeline\"><h2>Timeline</h2><ol class=\"timeline\">");
    if (commit.fetchedAt() != null) {
      out.append("<li><span>Fetched</span>")
          .append(PageLayout.time(commit.fetchedAt()))
          .append("</li>");
    }
    if (commit.appliedAt() != null) {
      out.append("<li><span>Applied</span><span class=\"muted\">")
          .append(PageLayout.elapsed(start, commit.appliedAt()))
          .append("</span>")
          .append(PageLayout.time(commit.appliedAt()))
          .append("</li>");
    }
    for (CommitPage.StateChange change : page.states()) {
      out.append("<li>")
          .append(PageLayout.badge(change.state(), PageLayout.stateLabel(change.state())))
          .append("<span>")
          .append(Html.escape(change.description()))
          .append("</span><span class=\"muted\">")
          .append(start == null ? "" : PageLayout.elapsed(start, change.at()))
          .append("</span>")
          .append(PageLayout.time(change.at()))
          .append("</li>");
    }
    return out.append("</ol></section>\n").toString();
  }

  private static String changes(CommitPage.Changes changes) {
    if (changes == null) {
      return "";
    }
    StringBuilder out =
        new StringBuilder(
                "<section class=\"card\" id=\"changes\"><h2>What changed</h2><p class=\"muted\">")
            .append(changes.added())
            .append(" added · ")
            .append(changes.changed())
            .append(" changed · ")
            .append(changes.removed())
            .append(" removed</p>");
    if (!changes.apps().isEmpty()) {
      out.append("<ul class=\"list\">");
      for (CommitPage.Change change : changes.apps()) {
        String sign =
            switch (String.valueOf(change.action())) {
              case "added" -> "+";
              case "removed" -> "−";
              default -> "~";
            };
        out.append("<li class=\"")
            .append(Html.escape(change.action()))
            .append("\"><span class=\"change\" title=\"")
            .append(Html.escape(change.action()))
            .append("\">")
            .append(sign)
            .append("</span><span class=\"app-name\">")
            .append(Html.escape(change.app()))
            .append("</span><span class=\"where\">")
            .append(Html.escape(change.org()))
            .append(" · ")
            .append(Html.escape(change.space()))
            .append("</span>");
        if (!change.fields().isEmpty()) {
          out.append("<span class=\"fields\">")
              .append(change.fields().stream().map(Html::escape).collect(Collectors.joining(", ")))
              .append("</span>");
        }
        out.append("</li>");
      }
      out.append("</ul>");
    }
    return out.append("</section>\n").toString();
  }

  private static String errors(CommitPage page) {
    List<CommitPage.Problem> errors = page.errors();
    if (errors.isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("<section class=\"card errors\" id=\"errors\"><h2>")
            .append(page.errorCount() == 1 ? "1 error" : page.errorCount() + " errors")
            .append("</h2><ul class=\"list\">");
    for (CommitPage.Problem problem : errors) {
      String where =
          (problem.file() == null ? "" : problem.file())
              + (problem.line() == null ? "" : ":" + problem.line())
              + (problem.column() == null ? "" : ":" + problem.column());
      out.append("<li>");
      if (!where.isEmpty()) {
        out.append(Html.link(problem.url(), where, "location")).append(' ');
      }
      if (problem.app() != null) {
        out.append("<span class=\"muted\">app ")
            .append(Html.escape(problem.app()))
            .append("</span>");
      }
      out.append("<span class=\"message\">")
          .append(Html.escape(problem.message()))
          .append("</span></li>");
    }
    out.append("</ul>");
    if (page.errorCount() > errors.size()) {
      out.append("<p class=\"muted\">and ")
          .append(page.errorCount() - errors.size())
          .append(
              " more: run <code>gitfoundry validate</code> on this commit to see them all.</p>");
    }
    return out.append("</section>\n").toString();
  }

  private static String apps(CommitPage page) {
    if (page.apps().isEmpty()) {
      return "";
    }
    long running = page.apps().stream().filter(a -> "running".equals(a.state())).count();
    StringBuilder out =
        new StringBuilder("<section id=\"apps\"><h2>Apps <span class=\"muted\">")
            .append(running)
            .append('/')
            .append(page.apps().size())
            .append(" running</span></h2><div class=\"apps\">");
    page.apps().forEach(app -> out.append(app(app)));
    return out.append("</div></section>\n").toString();
  }

  private static String app(AppView app) {
    StringBuilder out =
        new StringBuilder("<article class=\"card app\"><header><h3 class=\"app-name\">")
            .append(Html.escape(app.name()))
            .append("</h3>")
            .append(PageLayout.badge(app.state(), PageLayout.stateLabel(app.state())))
            .append("</header><p class=\"where\">")
            .append(Html.escape(app.org()))
            .append(" · ")
            .append(Html.escape(app.space()))
            .append("</p>");
    if (!app.processes().isEmpty()) {
      out.append("<p class=\"instances\">")
          .append(
              app.processes().stream()
                  .map(p -> Html.escape(p.type()) + " " + p.ready() + "/" + p.desired())
                  .collect(Collectors.joining(" · ")))
          .append(" instances</p>");
    }
    if (!app.routes().isEmpty()) {
      out.append("<ul class=\"routes\">");
      app.routes()
          .forEach(url -> out.append("<li>").append(Html.link(url, url, null)).append("</li>"));
      out.append("</ul>");
    }
    if (!"running".equals(app.state())) {
      out.append("<p class=\"reason\">")
          .append(Html.escape(app.summary()))
          .append(" <span class=\"muted\">(")
          .append(Html.escape(app.reason()))
          .append(")</span></p>");
      if (app.message() != null && !app.message().isBlank()) {
        out.append("<p class=\"message\">").append(Html.escape(app.message())).append("</p>");
      }
    }
    if (app.declaredIn() != null) {
      out.append("<p class=\"declared\">declared in ")
          .append(Html.link(app.declaredUrl(), app.declaredIn(), null))
          .append("</p>");
    }
    return out.append("</article>").toString();
  }

  private static String preview(PreviewView preview) {
    if (preview == null) {
      return "";
    }
    return "<section class=\"card\" id=\"preview\"><h2>Preview</h2><p>"
        + Html.link(preview.pullRequestUrl(), "Pull request #" + preview.number(), null)
        + " "
        + PageLayout.badge(preview.state(), PageLayout.stateLabel(preview.state()))
        + "</p>"
        + (preview.url() == null
            ? ""
            : "<p>" + Html.link(preview.url(), preview.url(), null) + "</p>")
        + "</section>\n";
  }
}
