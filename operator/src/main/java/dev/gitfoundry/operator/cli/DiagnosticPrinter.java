package dev.gitfoundry.operator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints diagnostics with paths as the user would type them. */
final class DiagnosticPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiagnosticPrinter() {}

  static void text(
      List<Diagnostic> diagnostics, LocalRepository repository, Path cwd, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.println(
          repository.display(cwd, d.file())
              + ":"
              + d.line()
              + ":"
              + d.column()
              + ": "
              + d.severity().label()
              + ": "
              + d.message());
    }
  }

  /** One line saying which files were read, so nobody wonders why a file was not. */
  static String source(LocalRepository repository) {
    if (!repository.gitWorkTree()) {
      return "source: " + repository.root() + ": every file (not in a Git work tree)";
    }
    List<String> untracked = repository.untracked();
    String which =
        untracked.isEmpty()
            ? "files tracked by Git"
            : "files tracked by Git and "
                + untracked.size()
                + " untracked ("
                + String.join(", ", untracked.subList(0, Math.min(5, untracked.size())))
                + (untracked.size() > 5 ? ", …" : "")
                + ")";
    return "source: Git work tree " + repository.root() + ": " + which + "; ignored files left out";
  }

  static void json(Compilation compilation, LocalRepository repository, Path cwd, PrintWriter out)
      throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("valid", compilation.valid());
    ObjectNode source = root.putObject("source");
    source.put("root", repository.root().toString());
    source.put("gitWorkTree", repository.gitWorkTree());
    ArrayNode untracked = source.putArray("untracked");
    repository.untracked().forEach(path -> untracked.add(repository.display(cwd, path)));
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : compilation.diagnostics()) {
      ObjectNode node = list.addObject();
      node.put("severity", d.severity().label());
      node.put("file", repository.display(cwd, d.file()));
      node.put("line", d.line());
      node.put("column", d.column());
      if (d.app() == null) {
        node.putNull("app");
      } else {
        node.put("app", d.app());
      }
      node.put("message", d.message());
    }
    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }
}
