package dev.gitfoundry.compiler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The compiler's output: the objects to apply, in a stable order, and every diagnostic. A
 * compilation with errors must not be applied; its objects are empty.
 */
public record Compilation(List<HasMetadata> objects, List<Diagnostic> diagnostics) {
  public Compilation {
    objects = List.copyOf(objects);
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  public boolean valid() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }
}
