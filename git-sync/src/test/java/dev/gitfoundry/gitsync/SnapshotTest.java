package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  @Test
  void isImmutable() {
    byte[] content = {1, 2, 3};
    SnapshotFile file = SnapshotFile.regular(content);
    content[0] = 9;
    file.content()[1] = 9;
    assertThat(file.content()).containsExactly(1, 2, 3);

    Map<String, SnapshotFile> files = new HashMap<>(Map.of("a", file));
    Snapshot snapshot = new Snapshot("main@sha1:abc", "abc", files);
    files.clear();
    assertThat(snapshot.files()).containsOnlyKeys("a");
    assertThatThrownBy(() -> snapshot.files().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void symlinksCarryTheirTarget() {
    SnapshotFile link = SnapshotFile.symlink("../shared/vars.yml");
    assertThat(link.kind()).isEqualTo(FileKind.SYMLINK);
    assertThat(link.symlinkTarget()).isEqualTo("../shared/vars.yml");
    assertThat(link.contentAsUtf8()).isEqualTo("../shared/vars.yml");
    assertThatThrownBy(() -> new SnapshotFile(new byte[0], FileKind.REGULAR, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void revisionFollowsFluxForm() {
    assertThat(Snapshot.revisionOf("main", "0123abc")).isEqualTo("main@sha1:0123abc");
  }
}
