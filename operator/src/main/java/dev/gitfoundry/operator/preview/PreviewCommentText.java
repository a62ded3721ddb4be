package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.operator.delivery.AppDiff;
import dev.gitfoundry.operator.delivery.FieldDiff;
import java.util.List;

/**
 * The pull-request comment, in Markdown: the preview's state and URL, what the pull request adds,
 * changes and removes per app (env values hidden), and compile errors with their file and line.
 * Everything that comes from Git is escaped, so a manifest cannot inject Markdown or HTML.
 */
final class PreviewCommentText {
  /** First line of every comment Gitfoundry owns; how it finds its comment again. */
  static String marker(SourceRef source) {
    return "<!-- gitfoundry-preview " + source + " -->";
  }

  /** Separates the state (rewritten on every change) from the details (written per head). */
  static final String DETAILS = "<!-- gitfoundry-preview-details -->";

  private static final int MAX_APPS = 50;
  private static final int MAX_FIELDS = 8;

  private PreviewCommentText() {}

  /** The whole comment: the preview's state, then {@code details}. */
  static String render(SourceRef source, PreviewStatus preview, String details) {
    StringBuilder out = new StringBuilder(marker(source)).append('\n');
    out.append("### Gitfoundry preview\n\n");
    out.append("**").append(headline(preview.getState())).append("**");
    if (preview.getMessage() != null) {
      out.append(": ").append(escape(preview.getMessage()));
    }
    out.append("\n\n");
    if (preview.getUrl() != null && !"removed".equals(preview.getState())) {
      out.append("Preview: ").append(escape(preview.getUrl())).append("\n\n");
    }
    if (preview.getHeadSha() != null) {
      out.append("Head: `")
          .append(preview.getHeadSha(), 0, Math.min(12, preview.getHeadSha().length()))
          .append("`\n\n");
    }
    return out.append(DETAILS).append('\n').append(details).toString();
  }

  /** What the head changes against the branch, per app, or why it does not compile. */
  static String details(List<AppDiff> diffs, List<Diagnostic> errors) {
    StringBuilder out = new StringBuilder();
    if (!errors.isEmpty()) {
      out.append("| File | Error |\n|---|---|\n");
      for (Diagnostic error : errors.subList(0, Math.min(MAX_APPS, errors.size()))) {
        out.append("| `")
            .append(code(error.file() + ":" + error.line() + ":" + error.column()))
            .append("` | ")
            .append(escape(error.message()))
            .append(" |\n");
      }
      if (errors.size() > MAX_APPS) {
        out.append("\n…and ").append(errors.size() - MAX_APPS).append(" more errors\n");
      }
      out.append('\n');
    }
    if (!diffs.isEmpty()) {
      out.append("| App | Org / space | Change |\n|---|---|---|\n");
      for (AppDiff diff : diffs.subList(0, Math.min(MAX_APPS, diffs.size()))) {
        out.append("| ")
            .append(escape(diff.app()))
            .append(" | ")
            .append(escape(diff.org() + " / " + diff.space()))
            .append(" | ")
            .append(change(diff))
            .append(" |\n");
      }
      if (diffs.size() > MAX_APPS) {
        out.append("\n…and ").append(diffs.size() - MAX_APPS).append(" more apps\n");
      }
    }
    return out.toString();
  }

  private static String headline(String state) {
    return switch (state == null ? "" : state) {
      case "pending" -> "Deploying";
      case "ready" -> "Running";
      case "failed" -> "Failed";
      case "invalid" -> "Does not compile";
      case "unchanged" -> "Nothing to preview";
      case "refused" -> "Not previewed";
      case "expired" -> "Expired";
      case "removed" -> "Preview removed";
      default -> "Preview";
    };
  }

  private static String change(AppDiff diff) {
    if (!AppChange.CHANGED.equals(diff.action())) {
      return diff.action();
    }
    StringBuilder out = new StringBuilder("changed: ");
    List<FieldDiff.Change> fields = diff.fields();
    for (int i = 0; i < Math.min(MAX_FIELDS, fields.size()); i++) {
      FieldDiff.Change field = fields.get(i);
      if (i > 0) {
        out.append(", ");
      }
      out.append('`')
          .append(code(field.path()))
          .append("` ")
          .append(escape(AppDiff.describe(field)));
    }
    if (fields.size() > MAX_FIELDS) {
      out.append(", …").append(fields.size() - MAX_FIELDS).append(" more");
    }
    return out.toString();
  }

  /** Text from Git inside a table cell: no HTML, no Markdown, no cell breaks. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '|' -> out.append("\\|");
        case '\n', '\r' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '#', '!' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Text from Git inside a code span: backticks and cell breaks removed. */
  private static String code(String text) {
    return text.replace('`', '\'').replace('|', '/').replace('\n', ' ');
  }
}
