package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.InventoryEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectRefTest {
  @Test
  void anInventoryGroupsNamesByKindAndNamespaceAndReadsBackTheSameObjects() {
    List<ObjectRef> refs =
        List.of(
            new ObjectRef("gitfoundry.dev/v1alpha1", "CFApp", "acme-prod", "web"),
            new ObjectRef("v1", "Namespace", null, "acme-prod"),
            new ObjectRef("gitfoundry.dev/v1alpha1", "CFApp", "acme-prod", "api"),
            new ObjectRef("v1", "Secret", "acme-prod", "web-env"));

    List<InventoryEntry> inventory = ObjectRef.inventory(refs);

    assertThat(inventory)
        .extracting(e -> e.getKind() + " " + e.getNamespace() + " " + e.getNames())
        .containsExactly(
            "CFApp acme-prod [api, web]",
            "Namespace null [acme-prod]",
            "Secret acme-prod [web-env]");
    assertThat(ObjectRef.of(inventory)).containsExactlyInAnyOrderElementsOf(refs);
  }
}
