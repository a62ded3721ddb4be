package dev.gitfoundry.operator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.ManifestCompiler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gitfoundry compile}: prints the objects a repository compiles to, as YAML documents. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description =
        "Compile manifests into Gitfoundry resources and print them as YAML.%nExit 0 on success, 1 when the manifests have errors (printed to stderr), 2 on usage errors.")
public final class CompileCommand implements Callable<Integer> {
  @CommandLine.Mixin CompilerOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Override
  public Integer call() throws Exception {
    LocalRepository repository = LocalRepository.open(options.target);
    Compilation compilation =
        ManifestCompiler.compile(
            repository.tree(), options.settings(repository, spec.commandLine()));
    PrintWriter err = spec.commandLine().getErr();
    DiagnosticPrinter.text(compilation.diagnostics(), repository, Path.of(""), err);
    err.flush();
    if (!compilation.valid()) {
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean first = true;
    for (HasMetadata object : compilation.objects()) {
      out.print(first ? "" : "---\n");
      out.print(YAML.writeValueAsString(object));
      first = false;
    }
    out.flush();
    return 0;
  }
}
