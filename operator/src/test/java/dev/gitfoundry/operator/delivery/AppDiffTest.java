package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.AppChange;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDiffTest {
  private static final String WEB =
      "applications:\n- name: web\n  docker: {image: web:1}\n  memory: 256M\n"
          + "  env: {TOKEN: s3cret, MODE: blue}\n";

  @Test
  void anAppIsItsSpecItsEnvAndItsRoutesAndEnvValuesAreNeverShown() {
    List<HasMetadata> before = Compiled.objects(Map.of("acme/prod/web/manifest.yml", WEB));
    List<HasMetadata> after =
        Compiled.objects(
            Map.of(
                "acme/prod/web/manifest.yml",
                WEB.replace("256M", "512M")
                        .replace("s3cret", "n3w")
                        .replace("MODE: blue", "MODE: blue, NEW: x")
                    + "  routes: [{route: web.apps.example.com/v2}]\n"));

    List<AppDiff> diffs = AppDiff.between(before, after);

    assertThat(diffs).hasSize(1);
    AppDiff web = diffs.get(0);
    assertThat(web.action()).isEqualTo(AppChange.CHANGED);
    assertThat(web.org()).isEqualTo("acme");
    assertThat(web.space()).isEqualTo("prod");
    assertThat(web.fields())
        .extracting(FieldDiff.Change::path)
        .contains("env.NEW", "env.TOKEN")
        .anyMatch(p -> p.startsWith("processes[web].memory"))
        .anyMatch(p -> p.startsWith("routes."));
    assertThat(web.fields().stream().map(AppDiff::describe).toList())
        .contains("added", "changed")
        .noneMatch(d -> d.contains("s3cret") || d.contains("n3w"));
  }

  @Test
  void movingAManifestsLinesIsNoChange() {
    List<HasMetadata> before = Compiled.objects(Map.of("acme/prod/web/manifest.yml", WEB));
    List<HasMetadata> after =
        Compiled.objects(Map.of("acme/prod/web/manifest.yml", "---\n# moved down\n\n" + WEB));
    assertThat(AppDiff.between(before, after)).isEmpty();
  }

  @Test
  void addedAndRemovedApps() {
    List<HasMetadata> before = Compiled.objects(Map.of("acme/prod/web/manifest.yml", WEB));
    List<HasMetadata> after =
        Compiled.objects(Map.of("acme/dev/api/manifest.yml", WEB.replace("web", "api")));
    assertThat(AppDiff.between(before, after))
        .extracting(d -> d.action() + " " + d.space() + "/" + d.app())
        .containsExactly("added dev/api", "removed prod/web");
  }
}
