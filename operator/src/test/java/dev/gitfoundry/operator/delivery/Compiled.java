package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Real compiler output for the delivery tests: source {@code manifests} in {@code team}. */
final class Compiled {
  static final DeliveryScope BRANCH =
      new DeliveryScope(
          Map.of(Labels.SOURCE, "manifests", Labels.SOURCE_NAMESPACE, "team"),
          "gitfoundry",
          Set.of(),
          true);

  private Compiled() {}

  /** {@code path -> manifest text}, compiled; fails the test when it does not compile. */
  static List<HasMetadata> objects(Map<String, String> manifests) {
    return objects(manifests, "manifests", "team");
  }

  static List<HasMetadata> objects(
      Map<String, String> manifests, String sourceName, String sourceNamespace) {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    manifests.forEach(
        (path, text) ->
            files.put(path, SourceTree.SourceFile.regular(text.getBytes(StandardCharsets.UTF_8))));
    Compilation compilation =
        ManifestCompiler.compile(
            SourceTree.of(files),
            CompilerSettings.forSource(sourceName, sourceNamespace, "")
                .withDomains(List.of(DomainSpec.shared("apps.example.com"))));
    if (!compilation.valid()) {
      throw new AssertionError(compilation.errors().get(0).format());
    }
    return compilation.objects();
  }

  static String app(String name, String image, String env) {
    return "applications:\n- name: "
        + name
        + "\n  docker: {image: "
        + image
        + "}\n  env: {VERSION: "
        + env
        + "}\n";
  }

  static Delivery delivery(List<HasMetadata> objects, boolean prune) {
    return new Delivery(
        BRANCH, "main@sha1:abc", namespaces(objects), objects, List.of(), prune, true);
  }

  static List<String> namespaces(List<HasMetadata> objects) {
    Set<String> names = new TreeSet<>();
    for (HasMetadata object : objects) {
      if (object instanceof CFSpace space) {
        names.add(space.getSpec().getNamespace());
      } else if (object instanceof CFOrg org) {
        names.add(org.getSpec().getNamespace());
      }
    }
    return List.copyOf(names);
  }
}
