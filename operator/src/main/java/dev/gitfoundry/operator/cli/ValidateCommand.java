package dev.gitfoundry.operator.cli;

import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.ManifestCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitfoundry validate}: what CI runs before merge. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check manifests the way cf push and Cloud Controller would, without a cluster.%nIn a Git work tree it reads the files Git tracks and the untracked ones that are not ignored; elsewhere every file.%nPrints file:line:col: error|warning: message.%nExit 0 when valid (warnings allowed), 1 when invalid, 2 on usage errors.")
public final class ValidateCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json
  }

  @CommandLine.Mixin CompilerOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() throws Exception {
    LocalRepository repository = LocalRepository.open(options.target);
    Compilation compilation =
        ManifestCompiler.compile(
            repository.tree(), options.settings(repository, spec.commandLine()));
    PrintWriter out = spec.commandLine().getOut();
    if (output == Format.json) {
      DiagnosticPrinter.json(compilation, repository, Path.of(""), out);
    } else {
      out.println(DiagnosticPrinter.source(repository));
      DiagnosticPrinter.text(compilation.diagnostics(), repository, Path.of(""), out);
      long errors = compilation.errors().size();
      long warnings = compilation.diagnostics().size() - errors;
      out.println(
          (compilation.valid() ? "valid" : "invalid")
              + ": "
              + errors
              + " error(s), "
              + warnings
              + " warning(s), "
              + compilation.objects().size()
              + " object(s)");
    }
    out.flush();
    return compilation.valid() ? 0 : 1;
  }
}
