package dev.gitfoundry.operator.cli;

import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.operator.delivery.AppDiff;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitfoundry diff}: what a change would do, per app, before it is pushed or merged. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two versions of a manifests repository, per app: the apps added, changed (with each"
            + " field before and after) and removed. Env values are never shown.%n"
            + "Exit 0 when no app differs, 1 when some do, 2 on errors (usage, or manifests that do not"
            + " compile).")
public final class DiffCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json
  }

  @CommandLine.Mixin CompilerOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--against",
      required = true,
      paramLabel = "<dir|git-ref>",
      description =
          "What to compare with: a directory, or a revision (main, origin/main, HEAD~1, a sha) of"
              + " the Git repository <dir> is in, read as committed.")
  String against;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LocalRepository after = LocalRepository.open(options.target);
    LocalRepository before;
    String beforeName;
    if (Files.exists(Path.of(against))) {
      before = LocalRepository.open(Path.of(against));
      beforeName = against;
    } else {
      try {
        before = after.atRevision(against);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      beforeName = against + " (committed)";
    }
    Compilation was = compile(before);
    Compilation is = compile(after);
    if (!was.valid() || !is.valid()) {
      reportErrors(beforeName, before, was);
      reportErrors(options.target.toString(), after, is);
      return 2;
    }
    List<AppDiff> diffs = AppDiff.between(was.objects(), is.objects());
    if (output == Format.json) {
      DiffPrinter.json(diffs, beforeName, options.target.toString(), out);
    } else {
      DiffPrinter.text(diffs, beforeName, options.target.toString(), out);
    }
    out.flush();
    return diffs.isEmpty() ? 0 : 1;
  }

  private void reportErrors(String name, LocalRepository repository, Compilation compilation) {
    if (compilation.valid()) {
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(name + " does not compile:");
    DiagnosticPrinter.text(compilation.errors(), repository, Path.of(""), err);
    err.flush();
  }

  private Compilation compile(LocalRepository repository) throws Exception {
    return ManifestCompiler.compile(
        repository.tree(), options.settings(repository, spec.commandLine()));
  }
}
