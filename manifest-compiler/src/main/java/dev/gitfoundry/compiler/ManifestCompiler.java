package dev.gitfoundry.compiler;

import dev.gitfoundry.compiler.repository.RepositoryCompiler;

/**
 * The compiler's entry point: a pure, total function from a repository snapshot and settings to a
 * {@link Compilation}. It does no I/O, reads no clock and never throws for bad input: everything
 * wrong with the input becomes a diagnostic.
 */
public final class ManifestCompiler {
  private ManifestCompiler() {}

  public static Compilation compile(SourceTree tree, CompilerSettings settings) {
    return new RepositoryCompiler(tree, settings).compile();
  }
}
