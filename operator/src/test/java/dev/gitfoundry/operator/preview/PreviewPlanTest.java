package dev.gitfoundry.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import dev.gitfoundry.operator.delivery.AppDiff;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff and the preview objects, on real compiler output. */
class PreviewPlanTest {
  private static final SourceRef SOURCE = new SourceRef("team", "shop");
  private static final String WEB =
      "applications:\n- name: web\n  docker: {image: nginx}\n  env: {COLOR: blue}\n";
  private static final String API =
      "applications:\n- name: api\n  docker: {image: api:1}\n  routes: [{route: api.example.com/v1}]\n";

  @Test
  void onlyAddedOrChangedAppsAreChanged() {
    List<HasMetadata> base =
        compile(Map.of("acme/prod/web/manifest.yml", WEB, "acme/prod/api/manifest.yml", API));
    List<HasMetadata> head =
        compile(
            Map.of(
                "acme/prod/web/manifest.yml",
                WEB.replace("blue", "green"),
                "acme/prod/api/manifest.yml",
                API,
                "acme/prod/new/manifest.yml",
                "applications:\n- name: new\n  docker: {image: x}\n"));
    assertThat(changed(base, head))
        .extracting(AppKey::name)
        .containsExactlyInAnyOrder("web", "new");
    assertThat(changed(base, base)).isEmpty();
  }

  @Test
  void movingLinesAroundIsNoChange() {
    List<HasMetadata> base = compile(Map.of("acme/prod/web/manifest.yml", WEB));
    List<HasMetadata> head = compile(Map.of("acme/prod/web/manifest.yml", "---\n# moved\n" + WEB));
    assertThat(changed(base, head)).isEmpty();
  }

  @Test
  void aChangedRouteChangesItsApp() {
    List<HasMetadata> base = compile(Map.of("acme/prod/api/manifest.yml", API));
    List<HasMetadata> head =
        compile(Map.of("acme/prod/api/manifest.yml", API.replace("/v1", "/v2")));
    assertThat(changed(base, head)).extracting(AppKey::name).containsExactly("api");
  }

  @Test
  void previewCopiesTheSpaceAppSecretAndRoutesWithSuffixes() {
    List<HasMetadata> base =
        compile(Map.of("acme/prod/web/manifest.yml", WEB, "acme/prod/api/manifest.yml", API));
    List<HasMetadata> head =
        compile(
            Map.of(
                "acme/prod/web/manifest.yml",
                WEB,
                "acme/prod/api/manifest.yml",
                API.replace("api:1", "api:2")));
    PreviewPlan plan = PreviewPlan.build(SOURCE, 7, base, head, changed(base, head));

    assertThat(plan.apps()).containsExactly("api");
    assertThat(plan.namespaces()).containsExactly("acme-prod-pr-7");
    assertThat(plan.url()).isEqualTo("http://api-pr-7.example.com/v1");
    assertThat(plan.objects()).noneMatch(o -> o instanceof CFOrg); // the base org is reused
    CFSpace space = only(plan, CFSpace.class);
    assertThat(space.getMetadata().getNamespace()).isEqualTo("team");
    assertThat(space.getSpec().getNamespace()).isEqualTo("acme-prod-pr-7");
    CFApp app = only(plan, CFApp.class);
    assertThat(app.getMetadata().getName()).isEqualTo("api");
    assertThat(app.getMetadata().getNamespace()).isEqualTo("acme-prod-pr-7");
    CFRoute route = only(plan, CFRoute.class);
    assertThat(route.getSpec().getHost()).isEqualTo("api-pr-7");
    assertThat(route.getSpec().getDomain()).isEqualTo("example.com");
    assertThat(route.getMetadata().getNamespace()).isEqualTo("acme-prod-pr-7");
    assertThat(only(plan, Secret.class).getMetadata().getNamespace()).isEqualTo("acme-prod-pr-7");

    CFApp original =
        head.stream()
            .filter(o -> o instanceof CFApp a && a.getMetadata().getName().equals("api"))
            .map(CFApp.class::cast)
            .findFirst()
            .orElseThrow();
    for (HasMetadata object : plan.objects()) {
      Map<String, String> labels = object.getMetadata().getLabels();
      assertThat(labels)
          .containsEntry(PreviewLabels.PULL_REQUEST, "7")
          .containsEntry(PreviewLabels.SOURCE, "shop")
          .doesNotContainKey(Labels.SOURCE); // never counted or pruned by the GitSource
    }
    if (original.getMetadata().getLabels().get(Labels.GUID) != null) {
      assertThat(app.getMetadata().getLabels().get(Labels.GUID))
          .isNotEqualTo(original.getMetadata().getLabels().get(Labels.GUID));
    }
    // the compilation itself is not modified
    assertThat(original.getMetadata().getNamespace()).isEqualTo("acme-prod");
  }

  @Test
  void anOrgThePullRequestAddsIsCopiedToo() {
    List<HasMetadata> base = compile(Map.of("acme/prod/web/manifest.yml", WEB));
    List<HasMetadata> head =
        compile(
            Map.of(
                "acme/prod/web/manifest.yml",
                WEB,
                "globex/dev/shop/manifest.yml",
                WEB.replace("web", "shop")));
    PreviewPlan plan = PreviewPlan.build(SOURCE, 3, base, head, changed(base, head));
    CFOrg org = only(plan, CFOrg.class);
    assertThat(org.getMetadata().getName()).endsWith("-pr-3");
    assertThat(only(plan, CFSpace.class).getSpec().getOrgName())
        .isEqualTo(org.getMetadata().getName());
    assertThat(plan.namespaces()).hasSize(2).allMatch(n -> n.endsWith("-pr-3"));
    assertThat(plan.url()).isEqualTo("http://shop-pr-3.example.com");
  }

  @Test
  void longNamesStayValidAndDistinct() {
    String long1 = "a".repeat(60) + "x";
    String long2 = "a".repeat(60) + "y";
    assertThat(PreviewNames.of(long1, 12345)).hasSizeLessThanOrEqualTo(63).endsWith("-pr-12345");
    assertThat(PreviewNames.of(long1, 12345)).isNotEqualTo(PreviewNames.of(long2, 12345));
    assertThat(PreviewNames.of("web", 4)).isEqualTo("web-pr-4");
    assertThat(PreviewNames.host("", 4)).isEqualTo("pr-4");
  }

  private static <T> T only(PreviewPlan plan, Class<T> kind) {
    List<T> matching = plan.objects().stream().filter(kind::isInstance).map(kind::cast).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  static List<HasMetadata> compile(Map<String, String> manifests) {
    Map<String, SourceTree.SourceFile> files = new HashMap<>();
    files.put(
        "foundation.yml",
        SourceTree.SourceFile.regular("domains: [example.com]\n".getBytes(StandardCharsets.UTF_8)));
    manifests.forEach(
        (path, text) ->
            files.put(path, SourceTree.SourceFile.regular(text.getBytes(StandardCharsets.UTF_8))));
    Compilation compilation =
        ManifestCompiler.compile(
            SourceTree.of(files),
            CompilerSettings.forSource("shop", "team", "")
                .withDomains(List.of(DomainSpec.shared("example.com"))));
    assertThat(compilation.errors()).isEmpty();
    return compilation.objects();
  }

  /** The apps a pull request adds or changes, as the deployer picks them. */
  private static List<AppKey> changed(List<HasMetadata> base, List<HasMetadata> head) {
    return AppDiff.between(base, head).stream()
        .filter(d -> !AppChange.REMOVED.equals(d.action()))
        .map(d -> new AppKey(d.namespace(), d.name()))
        .toList();
  }
}
