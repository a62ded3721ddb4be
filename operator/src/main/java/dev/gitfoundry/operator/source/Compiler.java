package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import dev.gitfoundry.gitsync.FileKind;
import dev.gitfoundry.gitsync.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the pure compiler on a fetched snapshot with the source's settings; the main branch and
 * pull-request previews compile the same way.
 */
public final class Compiler {
  private final String defaultDomain;

  public Compiler(String defaultDomain) {
    this.defaultDomain = defaultDomain;
  }

  public Compilation compile(GitSource source, Snapshot snapshot) {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    snapshot
        .files()
        .forEach(
            (path, file) ->
                files.put(
                    path,
                    file.kind() == FileKind.SYMLINK
                        ? SourceTree.SourceFile.symlink(file.symlinkTarget())
                        : SourceTree.SourceFile.regular(file.content())));
    List<DomainSpec> domains = new ArrayList<>();
    if (source.getSpec().getDefaultDomain() != null) {
      domains.add(DomainSpec.shared(source.getSpec().getDefaultDomain()));
    }
    if (defaultDomain != null) {
      domains.add(DomainSpec.shared(defaultDomain));
    }
    String path = source.getSpec().getPath() == null ? "" : source.getSpec().getPath();
    return ManifestCompiler.compile(
        SourceTree.of(files),
        CompilerSettings.forSource(
                source.getMetadata().getName(), source.getMetadata().getNamespace(), path)
            .withDomains(domains));
  }
}
