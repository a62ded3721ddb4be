package dev.gitfoundry.operator.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.compiler.CompilerSettings;
import dev.gitfoundry.compiler.DomainSpec;
import dev.gitfoundry.compiler.ManifestCompiler;
import dev.gitfoundry.compiler.SourceTree;
import dev.gitfoundry.operator.source.OwnershipCheck.Conflict;
import dev.gitfoundry.operator.source.OwnershipCheck.SourceId;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may write an org or space, decided from what is live (real compiler output as input). */
class OwnershipCheckTest {
  private static final SourceId TEAM_A = new SourceId("team-a", "platform");
  private static final SourceId TEAM_B = new SourceId("team-b", "platform");
  private static final String HELLO =
      "applications:\n- name: hello\n  docker: {image: busybox}\n  no-route: true\n";

  @Test
  void nothingLiveMeansNoConflict() {
    assertThat(decide(TEAM_B, compile(TEAM_B, "acme/dev/hello"), List.of(), List.of())).isEmpty();
  }

  @Test
  void aSpaceNamespaceCreatedByAnotherSourceIsRefusedNamingSpaceAndSource() {
    List<HasMetadata> teamA = live(compile(TEAM_A, "acme/dev/hello"), "2024-01-01T00:00:00Z");
    Optional<Conflict> conflict =
        decide(
            TEAM_B, compile(TEAM_B, "acme/dev/web"), List.of(namespace("acme-dev", TEAM_A)), teamA);
    assertThat(conflict).isPresent();
    // The org is taken too; the space is named first because it holds the apps.
    assertThat(conflict.get().message())
        .isEqualTo("space acme/dev is managed by GitSource team-a/platform (and 1 more)");
  }

  @Test
  void aSourcesOwnNamespacesAndObjectsAreNoConflict() {
    List<HasMetadata> desired = compile(TEAM_A, "acme/dev/hello", "acme/prod/hello");
    assertThat(
            decide(
                TEAM_A,
                desired,
                List.of(namespace("acme-dev", TEAM_A)),
                live(compile(TEAM_A, "acme/dev/hello"), "2024-01-01T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void anOrgIsOneSourcesEvenWhenTheSpacesDiffer() {
    // Org Namespaces carry no source labels: the CFOrg mapping to the Namespace says who has it.
    List<HasMetadata> teamA = live(compile(TEAM_A, "acme/dev/hello"), "2024-01-01T00:00:00Z");
    Optional<Conflict> conflict =
        decide(
            TEAM_B,
            compile(TEAM_B, "acme/prod/web"),
            List.of(namespace("acme-dev", TEAM_A)),
            teamA);
    assertThat(conflict.map(Conflict::message))
        .contains("org acme is managed by GitSource team-a/platform");
  }

  @Test
  void aSourceOfTheSameNameInAnotherNamespaceIsAnotherSource() {
    SourceId sameNameElsewhere = new SourceId("team-c", TEAM_A.name());
    assertThat(
            decide(
                sameNameElsewhere,
                compile(sameNameElsewhere, "acme/dev/hello"),
                List.of(namespace("acme-dev", TEAM_A)),
                List.of()))
        .map(Conflict::owner)
        .contains(TEAM_A);
  }

  @Test
  void twoSourcesInOneNamespaceCollideOnTheObjectItself() {
    SourceId neighbour = new SourceId(TEAM_A.namespace(), "other");
    List<HasMetadata> teamA = live(compile(TEAM_A, "acme/dev/hello"), "2024-01-01T00:00:00Z");
    assertThat(decide(neighbour, compile(neighbour, "acme/dev/hello"), List.of(), teamA))
        .map(Conflict::owner)
        .contains(TEAM_A);
  }

  @Test
  void withoutNamespaceLabelsTheOldestClaimKeepsIt() {
    // Two sources that applied the same org before ownership was checked: the first one keeps
    // going, the second is refused, instead of both being stuck.
    List<HasMetadata> tenancy = new ArrayList<>();
    tenancy.addAll(live(compile(TEAM_A, "acme/dev/hello"), "2024-01-01T00:00:00Z"));
    tenancy.addAll(live(compile(TEAM_B, "acme/dev/hello"), "2024-02-01T00:00:00Z"));
    assertThat(decide(TEAM_A, compile(TEAM_A, "acme/dev/hello"), List.of(), tenancy)).isEmpty();
    assertThat(decide(TEAM_B, compile(TEAM_B, "acme/dev/hello"), List.of(), tenancy))
        .map(Conflict::owner)
        .contains(TEAM_A);
  }

  @Test
  void previewObjectsNeverConflictWithTheirSource() {
    // A preview's copies (space acme/dev-pr-7, namespace acme-dev-pr-7) carry preview labels, not
    // source labels; the source itself may even declare that space later.
    Namespace previewNamespace =
        new NamespaceBuilder()
            .withNewMetadata()
            .withName("acme-dev-pr-7")
            .addToLabels(Labels.PREFIX + "preview-source", TEAM_A.name())
            .addToLabels(Labels.PREFIX + "preview-source-namespace", TEAM_A.namespace())
            .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
            .endMetadata()
            .build();
    List<HasMetadata> previewCopies = new ArrayList<>();
    for (HasMetadata object : compile(TEAM_A, "acme/dev-pr-7/hello")) {
      if (object instanceof CFSpace) {
        object.getMetadata().getLabels().remove(Labels.SOURCE);
        object.getMetadata().getLabels().remove(Labels.SOURCE_NAMESPACE);
        previewCopies.add(object);
      }
    }
    List<HasMetadata> teamA = live(compile(TEAM_A, "acme/dev/hello"), "2024-01-01T00:00:00Z");
    teamA.addAll(previewCopies);
    assertThat(
            decide(
                TEAM_A,
                compile(TEAM_A, "acme/dev/hello", "acme/dev-pr-7/hello"),
                List.of(namespace("acme-dev", TEAM_A), previewNamespace),
                teamA))
        .isEmpty();
  }

  @Test
  void theMessageSaysWhenTheOwnerIsGoneAndWhatToDelete() {
    assertThat(new Conflict("space acme/dev", "acme-dev", TEAM_A, 0, true).message())
        .isEqualTo(
            "space acme/dev is managed by GitSource team-a/platform, which no longer exists:"
                + " delete what it left (its CFOrg/CFSpace in team-a, or Namespace acme-dev) to"
                + " release it");
  }

  private static Optional<Conflict> decide(
      SourceId self,
      List<HasMetadata> desired,
      List<Namespace> namespaces,
      List<HasMetadata> tenancy) {
    return OwnershipCheck.decide(self, desired, namespaces, tenancy);
  }

  private static Namespace namespace(String name, SourceId owner) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(Labels.SOURCE, owner.name())
        .addToLabels(Labels.SOURCE_NAMESPACE, owner.namespace())
        .endMetadata()
        .build();
  }

  /** The CFOrgs and CFSpaces of a compilation, as the API server would list them. */
  private static List<HasMetadata> live(List<HasMetadata> objects, String created) {
    List<HasMetadata> tenancy = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (object instanceof CFOrg || object instanceof CFSpace) {
        object.getMetadata().setCreationTimestamp(created);
        tenancy.add(object);
      }
    }
    return tenancy;
  }

  /** Compiles one app per {@code org/space/app} directory for {@code source}. */
  private static List<HasMetadata> compile(SourceId source, String... apps) {
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    for (String app : apps) {
      files.put(
          app + "/manifest.yml",
          SourceTree.SourceFile.regular(
              HELLO
                  .replace("hello", app.substring(app.lastIndexOf('/') + 1))
                  .getBytes(StandardCharsets.UTF_8)));
    }
    Compilation compilation =
        ManifestCompiler.compile(
            SourceTree.of(files),
            CompilerSettings.forSource(source.name(), source.namespace(), "")
                .withDomains(List.of(DomainSpec.shared("apps.example.com"))));
    assertThat(compilation.errors()).isEmpty();
    return compilation.objects();
  }
}
