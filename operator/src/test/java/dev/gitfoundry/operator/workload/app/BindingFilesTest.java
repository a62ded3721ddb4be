package dev.gitfoundry.operator.workload.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingFilesTest {
  private static final List<BindingFiles.Binding> BINDINGS =
      List.of(
          new BindingFiles.Binding("db", "orders-db", false, false),
          new BindingFiles.Binding("cache", "redis", true, false),
          new BindingFiles.Binding("db", "other-db", false, false));

  @Test
  void eachBindingIsADirectoryOfItsSecretPlusDefaultTypeAndProvider() {
    List<VolumeMount> mounts = BindingFiles.mounts(BINDINGS);
    assertThat(mounts)
        .extracting(VolumeMount::getName, VolumeMount::getMountPath, VolumeMount::getReadOnly)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("binding-0", "/bindings/db", true),
            org.assertj.core.groups.Tuple.tuple("binding-1", "/bindings/cache", true));

    List<Volume> volumes = BindingFiles.volumes(BINDINGS);
    assertThat(volumes).hasSize(2);
    var db = volumes.get(0).getProjected().getSources();
    assertThat(db.get(0).getSecret().getName()).isEqualTo("orders-db");
    assertThat(db.get(0).getSecret().getItems()).isEmpty();
    assertThat(db.get(1).getDownwardAPI().getItems())
        .extracting(i -> i.getPath() + "=" + i.getFieldRef().getFieldPath())
        .containsExactly(
            "type=metadata.annotations['gitfoundry.dev/binding-0-type']",
            "provider=metadata.annotations['gitfoundry.dev/binding-0-provider']");
    var cache = volumes.get(1).getProjected().getSources();
    assertThat(cache.get(1).getDownwardAPI().getItems())
        .extracting(i -> i.getPath())
        .containsExactly("provider");

    assertThat(BindingFiles.annotations(BINDINGS))
        .containsExactly(
            java.util.Map.entry("gitfoundry.dev/binding-0-type", "user-provided"),
            java.util.Map.entry("gitfoundry.dev/binding-0-provider", "user-provided"),
            java.util.Map.entry("gitfoundry.dev/binding-1-provider", "user-provided"));
  }

  @Test
  void aBindingNameNeverBecomesAPath() {
    assertThat(BindingFiles.mounts(List.of(new BindingFiles.Binding("../x/y", "s", true, true))))
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/bindings/.._x_y");
    assertThat(BindingFiles.mounts(List.of(new BindingFiles.Binding("..", "s", true, true))))
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/bindings/__");
  }
}
