package dev.gitfoundry.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the demo learns from the example it pushes, and the hints it prints from that. */
class DemoExampleTest {
  private static Path examples(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples/repos"))) {
        return dir.resolve("examples/repos").resolve(name);
      }
    }
    throw new IllegalStateException("examples/repos not found");
  }

  private static DemoExample acme() throws Exception {
    return DemoExample.compile(
        examples("acme"), "demo", "gitfoundry-demo", "apps.127.0.0.1.nip.io");
  }

  @Test
  void theServiceInstancesTheAcmeAppsBindAreFound() throws Exception {
    assertThat(acme().serviceInstances().pending())
        .containsExactlyInAnyOrder(
            new DemoServiceInstances.Instance("acme-prod", "orders-db"),
            new DemoServiceInstances.Instance("acme-prod", "cache"));
    assertThat(new DemoServiceInstances.Instance("acme-prod", "cache").kubectlCommand("kubectl"))
        .isEqualTo(
            "kubectl -n acme-prod create secret generic cache"
                + " --from-literal=uri=demo://cache.acme-prod.svc:5432/cache"
                + " --from-literal=username=cache --from-literal=password=demo-only-cache");
  }

  @Test
  void theFirstAppIsNamedWithItsCfOrgSpaceAndDirectory() throws Exception {
    assertThat(acme().firstApp())
        .contains(new DemoExample.AppPlace("api", "acme", "prod", "acme/prod"));
  }

  @Test
  void thePreviewHintWritesAManifestThatAddsOneAppToThatSpace() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    new DemoGuide(
            Path.of("/tmp/kubeconfig.yaml"),
            Path.of("/bin/kubectl"),
            Path.of("/bin/cf"),
            "kubeapitest",
            URI.create("http://127.0.0.1:8080"),
            "/status/gitfoundry-demo/demo/0123",
            "http://gitfoundry:t@127.0.0.1:3000/gitfoundry/manifests.git",
            "http://127.0.0.1:3000/api/v1",
            "t",
            "gitfoundry/manifests",
            acme().firstApp())
        .print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(output).contains("/bin/cf login -u kubeapitest -o acme -s prod", "/bin/cf app api");

    // what the printed printf writes, where it writes it
    Matcher printf =
        Pattern.compile("mkdir -p (\\S+) && printf '([^']*)' > (\\S+)").matcher(output);
    assertThat(printf.find()).as(output).isTrue();
    String manifest = printf.group(2).replace("\\n", "\n");
    Map<String, SourceTree.SourceFile> files =
        new HashMap<>(LocalFiles.readAll(examples("acme")).files());
    files.put(
        printf.group(3), SourceTree.SourceFile.regular(manifest.getBytes(StandardCharsets.UTF_8)));
    Compilation compilation =
        ManifestCompiler.compile(
            SourceTree.of(files),
            CompilerSettings.forSource("demo", "gitfoundry-demo", "")
                .withDomains(List.of(DomainSpec.shared("apps.127.0.0.1.nip.io"))));
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.objects())
        .filteredOn(CFApp.class::isInstance)
        .map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .contains("acme-prod/try-preview");
  }

  @Test
  void theStandInReportsALocalImageDerivedFromTheSource() {
    String image =
        DemoKpackBuilder.localImage(
            "localhost:5000/gitfoundry-demo/acme-prod/api", "http://git/r.git", "abc", "src");
    assertThat(image)
        .matches("localhost:5000/gitfoundry-demo/acme-prod/api@sha256:[0-9a-f]{64}")
        .isEqualTo(
            DemoKpackBuilder.localImage(
                "localhost:5000/gitfoundry-demo/acme-prod/api", "http://git/r.git", "abc", "src"))
        .isNotEqualTo(
            DemoKpackBuilder.localImage(
                "localhost:5000/gitfoundry-demo/acme-prod/api", "http://git/r.git", "abd", "src"));
  }
}
