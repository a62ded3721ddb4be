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

  static void json(Compilation compilation, LocalRepository repository, Path cwd, PrintWriter out)
      throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("valid", compilation.valid());
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
