package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.gitsync.Snapshot;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last compilation of each source's branch. A revision is compiled once: drift checks and the
 * previews (whose base is the branch) reuse it instead of compiling the same files again.
 */
public final class CompiledRevisions {
  private record Key(String revision, String path, String defaultDomain) {}

  private record Entry(Key key, Compilation compilation) {}

  private final Compiler compiler;
  private final Map<String, Entry> last = new ConcurrentHashMap<>();

  public CompiledRevisions(Compiler compiler) {
    this.compiler = compiler;
  }

  public Compilation of(GitSource source, Snapshot snapshot) {
    Key key =
        new Key(
            snapshot.revision(), source.getSpec().getPath(), source.getSpec().getDefaultDomain());
    String id = source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
    Entry entry = last.get(id);
    if (entry != null && Objects.equals(entry.key(), key)) {
      return entry.compilation();
    }
    Compilation compilation = compiler.compile(source, snapshot);
    last.put(id, new Entry(key, compilation));
    return compilation;
  }

  /** Compiles without remembering: another ref of the source, such as a pull request's head. */
  public Compilation once(GitSource source, Snapshot snapshot) {
    return compiler.compile(source, snapshot);
  }

  void forget(GitSource source) {
    last.remove(source.getMetadata().getNamespace() + "/" + source.getMetadata().getName());
  }
}
