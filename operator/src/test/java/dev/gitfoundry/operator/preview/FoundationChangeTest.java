package dev.gitfoundry.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.SnapshotFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pull request that touches foundation.yml gets a status instead of a preview. */
class FoundationChangeTest {
  @Test
  void foundationChangesAreDetectedUnderTheSourcePath() {
    GitSource source = source("/platform");
    Snapshot base = snapshot(Map.of("platform/foundation.yml", "domains: [a.example]\n"));
    assertThat(PreviewPlan.changesFoundation(source, base, base)).isFalse();
    assertThat(
            PreviewPlan.changesFoundation(
                source,
                base,
                snapshot(Map.of("platform/foundation.yml", "domains: [b.example]\n"))))
        .isTrue();
    assertThat(PreviewPlan.changesFoundation(source, base, snapshot(Map.of()))).isTrue();
    // a foundation.yml outside the source's path is not this source's
    assertThat(
            PreviewPlan.changesFoundation(
                source,
                base,
                snapshot(
                    Map.of(
                        "platform/foundation.yml", "domains: [a.example]\n",
                        "other/foundation.yml", "x"))))
        .isFalse();
  }

  private static GitSource source(String path) {
    GitSource source = new GitSource();
    GitSourceSpec spec = new GitSourceSpec();
    spec.setPath(path);
    source.setSpec(spec);
    return source;
  }

  private static Snapshot snapshot(Map<String, String> files) {
    Map<String, SnapshotFile> snapshotFiles = new java.util.HashMap<>();
    files.forEach(
        (path, text) ->
            snapshotFiles.put(path, SnapshotFile.regular(text.getBytes(StandardCharsets.UTF_8))));
    return new Snapshot("main@sha1:0", "0", snapshotFiles);
  }
}
