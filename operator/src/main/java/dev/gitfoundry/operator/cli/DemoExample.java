package dev.gitfoundry.operator.cli;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The example repository the demo pushes, compiled here as the operator will compile it, so the
 * demo knows the service instances to create and which app, org and space its hints can name.
 */
record DemoExample(Compilation compilation) {
  /** Where an app lives: its CF names, and the repository directory of its space. */
  record AppPlace(String app, String org, String space, String spaceDirectory) {}

  static DemoExample compile(Path repository, String source, String namespace, String domain)
      throws IOException {
    return new DemoExample(
        ManifestCompiler.compile(
            LocalFiles.readAll(repository),
            CompilerSettings.forSource(source, namespace, "")
                .withDomains(List.of(DomainSpec.shared(domain)))));
  }

  DemoServiceInstances serviceInstances() {
    return DemoServiceInstances.boundIn(compilation);
  }

  /** The first app in the compiler's stable order, if the repository compiles and has one. */
  Optional<AppPlace> firstApp() {
    return of(CFApp.class).stream()
        .findFirst()
        .map(
            app -> {
              CFSpace space = named(CFSpace.class, app.getSpec().getSpaceName());
              CFOrg org = named(CFOrg.class, app.getSpec().getOrgName());
              String[] parts = app.getSpec().getSource().getFile().split("/");
              return new AppPlace(
                  app.getSpec().getDisplayName(),
                  org.getSpec().getDisplayName(),
                  space.getSpec().getDisplayName(),
                  parts[0] + "/" + parts[1]);
            });
  }

  private <T extends HasMetadata> T named(Class<T> kind, String name) {
    return of(kind).stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind.getSimpleName() + " " + name));
  }

  private <T> List<T> of(Class<T> kind) {
    return compilation.objects().stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
