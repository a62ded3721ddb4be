package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.apps;
import static dev.gitfoundry.compiler.CompilerFixtures.compileTree;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.objects;
import static dev.gitfoundry.compiler.CompilerFixtures.routeKeys;
import static dev.gitfoundry.compiler.CompilerFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifests repository layout: foundation.yml, org/space directories, paths and symlinks. */
class RepositoryLayoutTest {
  private static final String APP = "applications:\n- name: %s\n";

  private static String app(String name) {
    return APP.formatted(name);
  }

  @Test
  void orgsSpacesAndManifestsAreDiscovered() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/manifest.yml", app("api"),
                    "acme/prod/worker/manifest.yaml", app("worker"),
                    "acme/dev/deep/er/manifest.yml", app("dev-api"),
                    "globex/staging/manifest.yml", app("shop"),
                    "acme/prod/README.md", "not a manifest",
                    "acme/prod/other.yml", "applications: [oops]\n")));
    assertThat(objects(compilation, CFOrg.class))
        .extracting(o -> o.getSpec().getDisplayName())
        .containsExactly("acme", "globex");
    assertThat(objects(compilation, CFSpace.class))
        .extracting(s -> s.getSpec().getDisplayName())
        .containsExactlyInAnyOrder("prod", "dev", "staging");
    assertThat(apps(compilation))
        .extracting(a -> a.getSpec().getDisplayName() + "@" + a.getMetadata().getNamespace())
        .containsExactlyInAnyOrder(
            "api@acme-prod", "worker@acme-prod", "dev-api@acme-dev", "shop@globex-staging");
    CFApp worker = CompilerFixtures.app(compilation, "worker");
    assertThat(worker.getSpec().getSource().getFile()).isEqualTo("acme/prod/worker/manifest.yaml");
    assertThat(worker.getSpec().getSource().getLine()).isEqualTo(2);
    assertThat(worker.getSpec().getLifecycle().getPath()).isEqualTo("acme/prod/worker");
  }

  @Test
  void foundationDomainsFirstIsDefault() {
    Compilation compilation =
        valid(
            ManifestCompiler.compile(
                CompilerFixtures.tree(
                    Map.of(
                        "foundation.yml",
                        "domains:\n- apps.corp.net\n- name: mesh.internal\n  internal: true\n",
                        "acme/prod/manifest.yml",
                        "applications:\n- name: api\n- name: svc\n  routes:\n"
                            + "  - route: svc.mesh.internal\n")),
                CompilerSettings.forSource("src", "gitfoundry", "")));
    assertThat(routeKeys(compilation))
        .containsExactlyInAnyOrder("api|apps.corp.net|||http1", "svc|mesh.internal|||http1");
  }

  @Test
  void aSubdirectoryPathIsTheRepositoryRoot() {
    // From the root, envs is the org and prod/test the spaces.
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "envs/prod/acme/web/manifest.yml", app("api"),
                    "envs/test/acme/web/manifest.yml", app("other"))));
    assertThat(apps(compilation))
        .extracting(a -> a.getSpec().getDisplayName() + "@" + a.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("api@envs-prod", "other@envs-test");
    Compilation scoped =
        valid(
            ManifestCompiler.compile(
                CompilerFixtures.tree(
                    Map.of(
                        "envs/prod/acme/web/manifest.yml", app("api"),
                        "envs/test/acme/web/manifest.yml", app("other"))),
                CompilerSettings.forSource("src", "gitfoundry", "envs/prod")
                    .withDomains(CompilerFixtures.DOMAINS)));
    assertThat(apps(scoped)).extracting(a -> a.getSpec().getDisplayName()).containsExactly("api");
    assertThat(apps(scoped).get(0).getMetadata().getNamespace()).isEqualTo("acme-web");
  }

  @Test
  void aManifestPathOrADirectoryWithAManifestIsOneDefaultSpace() {
    for (String path : List.of("apps/api", "apps/api/manifest.yml", "apps/api/")) {
      Compilation compilation =
          valid(
              ManifestCompiler.compile(
                  CompilerFixtures.tree(Map.of("apps/api/manifest.yml", app("api"))),
                  CompilerSettings.forSource("src", "gitfoundry", path)
                      .withDomains(CompilerFixtures.DOMAINS)));
      assertThat(objects(compilation, CFOrg.class))
          .extracting(o -> o.getSpec().getDisplayName())
          .containsExactly("default");
      assertThat(objects(compilation, CFSpace.class))
          .extracting(s -> s.getSpec().getDisplayName())
          .containsExactly("default");
      assertThat(apps(compilation)).hasSize(1);
    }
  }

  @Test
  void foundationDomainsApplyToASingleManifestDirectory() {
    for (String base : List.of("", "x")) {
      String prefix = base.isEmpty() ? "" : base + "/";
      Compilation compilation =
          valid(
              ManifestCompiler.compile(
                  CompilerFixtures.tree(
                      Map.of(
                          prefix + "foundation.yml",
                          "domains: [corp.net]\n",
                          prefix + "manifest.yml",
                          app("api"))),
                  CompilerSettings.forSource("src", "gitfoundry", base)));
      assertThat(routeKeys(compilation)).as(base).containsExactly("api|corp.net|||http1");
    }
  }

  @Test
  void hiddenDirectoriesAreIgnored() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/manifest.yml", app("api"),
                    ".github/workflows/manifest.yml", app("ci"),
                    "acme/.drafts/manifest.yml", app("draft"),
                    "acme/prod/.old/manifest.yml", "not: [valid")));
    assertThat(apps(compilation))
        .extracting(a -> a.getSpec().getDisplayName())
        .containsExactly("api");
    assertThat(objects(compilation, CFSpace.class)).hasSize(1);
  }

  @Test
  void aStrayManifestWarns() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of("acme/prod/manifest.yml", app("api"), "acme/manifest.yml", app("x"))));
    assertThat(compilation.diagnostics())
        .filteredOn(d -> !d.isError())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo("acme/manifest.yml");
              assertThat(d.message()).contains("not inside a space directory");
            });
    assertThat(apps(compilation)).hasSize(1);
  }

  @Test
  void anEmptyRepositoryIsRefused() {
    for (Map<String, String> files :
        List.<Map<String, String>>of(
            Map.of(), Map.of("README.md", "hi"), Map.of("acme/manifest.yml", app("x")))) {
      Compilation compilation = compileTree(files);
      assertThat(compilation.valid()).isFalse();
      assertThat(compilation.objects()).isEmpty();
      assertThat(compilation.errors())
          .anySatisfy(d -> assertThat(d.message()).startsWith("no spaces found"));
    }
  }

  @Test
  void aPathThatDoesNotExist() {
    Compilation compilation =
        ManifestCompiler.compile(
            CompilerFixtures.tree(Map.of("acme/prod/manifest.yml", app("api"))),
            CompilerSettings.forSource("src", "gitfoundry", "nope")
                .withDomains(CompilerFixtures.DOMAINS));
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("nope"));
  }

  @Test
  void appPathsAreRelativeToTheManifest() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/manifest.yml",
                    "applications:\n- name: a\n  path: ../../src/a\n- name: b\n  path: ./b.jar\n"
                        + "- name: c\n  path: .\n",
                    "src/a/main.go",
                    "package main",
                    "acme/prod/b.jar",
                    "")));
    assertThat(CompilerFixtures.app(compilation, "a").getSpec().getLifecycle().getPath())
        .isEqualTo("src/a");
    assertThat(CompilerFixtures.app(compilation, "b").getSpec().getLifecycle().getPath())
        .isEqualTo("acme/prod/b.jar");
    assertThat(CompilerFixtures.app(compilation, "c").getSpec().getLifecycle().getPath())
        .isEqualTo("acme/prod");
  }

  @Test
  void aMissingPath() {
    Compilation compilation =
        compileTree(
            Map.of("acme/prod/manifest.yml", "applications:\n- name: a\n  path: build/a.jar\n"));
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "3:9: File not found locally, make sure the file exists at given path"
                + " acme/prod/build/a.jar");
  }

  @Test
  void aPathIgnoredInTheWorkTreeSaysItIsNotCommitted() {
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    files.put(
        "acme/prod/manifest.yml",
        regular(
            "applications:\n- name: a\n  path: target/a.jar\n"
                + "- name: b\n  path: dist\n- name: c\n  path: build/c.jar\n"));
    SourceTree tree =
        SourceTree.workTree(
            files,
            Map.of(
                "acme/prod/target", SourceTree.IGNORED, // a whole ignored directory
                "acme/prod/dist/b.js", SourceTree.IGNORED)); // a directory of ignored files
    Compilation compilation = ManifestCompiler.compile(tree, CompilerFixtures.settings());
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "3:9: path 'acme/prod/target/a.jar' exists but is not committed (ignored by"
                + " .gitignore): the operator sees only committed files",
            "5:9: path 'acme/prod/dist' exists but is not committed (ignored by .gitignore):"
                + " the operator sees only committed files",
            "7:9: File not found locally, make sure the file exists at given path"
                + " acme/prod/build/c.jar");
  }

  @Test
  void anUntrackedPathIsReadButWarnedAbout() {
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    files.put(
        "acme/prod/manifest.yml",
        regular("applications:\n- name: a\n  path: new\n- name: b\n  path: mixed\n"));
    files.put("acme/prod/new/app.py", regular(""));
    files.put("acme/prod/mixed/old.py", regular(""));
    files.put("acme/prod/mixed/new.py", regular(""));
    SourceTree tree =
        SourceTree.workTree(
            files,
            Map.of(
                "acme/prod/new/app.py", SourceTree.UNTRACKED,
                "acme/prod/mixed/new.py", SourceTree.UNTRACKED));
    Compilation compilation = ManifestCompiler.compile(tree, CompilerFixtures.settings());
    assertThat(compilation.valid()).isTrue();
    assertThat(CompilerFixtures.warnings(compilation))
        .containsExactly(
            "path 'acme/prod/new' exists but is not committed (untracked): the operator sees"
                + " only committed files");
  }

  @Test
  void aPathEscapingTheRepository() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/manifest.yml",
                "applications:\n- name: a\n  path: ../../../etc\n- name: b\n  path: /etc/passwd\n"));
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.errors()).hasSize(2);
    assertThat(compilation.errors().get(0).line()).isEqualTo(3);
    assertThat(compilation.errors().get(0).message()).contains("leaves the repository");
    assertThat(compilation.errors().get(1).line()).isEqualTo(5);
  }

  @Test
  void symlinksInsideTheRepositoryAreFollowed() {
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    files.put("acme/prod/manifest.yml", regular("applications:\n- name: a\n  path: current\n"));
    files.put("acme/prod/current", SourceTree.SourceFile.symlink("../../releases/v2"));
    files.put("releases/v2/app.jar", regular(""));
    Compilation compilation =
        valid(ManifestCompiler.compile(SourceTree.of(files), CompilerFixtures.settings()));
    assertThat(CompilerFixtures.onlyApp(compilation).getSpec().getLifecycle().getPath())
        .isEqualTo("releases/v2");
  }

  @Test
  void symlinksPointingOutsideAreErrors() {
    for (String target : List.of("/etc", "../../../outside", "../../../../etc/passwd")) {
      Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
      files.put("acme/prod/manifest.yml", regular("applications:\n- name: a\n  path: bits\n"));
      files.put("acme/prod/bits", SourceTree.SourceFile.symlink(target));
      Compilation compilation =
          ManifestCompiler.compile(SourceTree.of(files), CompilerFixtures.settings());
      assertThat(compilation.valid()).as(target).isFalse();
      assertThat(compilation.errors())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.line()).isEqualTo(3);
                assertThat(d.message()).contains("outside the repository");
              });
    }
  }

  @Test
  void symlinkLoopsAreErrors() {
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    files.put("acme/prod/manifest.yml", regular("applications:\n- name: a\n  path: x\n"));
    files.put("acme/prod/x", SourceTree.SourceFile.symlink("y"));
    files.put("acme/prod/y", SourceTree.SourceFile.symlink("x"));
    Compilation compilation =
        ManifestCompiler.compile(SourceTree.of(files), CompilerFixtures.settings());
    assertThat(compilation.valid()).isFalse();
  }

  @Test
  void aSymlinkedManifestOutsideTheRepositoryIsAnError() {
    Map<String, SourceTree.SourceFile> files = new LinkedHashMap<>();
    files.put("acme/prod/manifest.yml", SourceTree.SourceFile.symlink("/home/me/manifest.yml"));
    Compilation compilation =
        ManifestCompiler.compile(SourceTree.of(files), CompilerFixtures.settings());
    assertThat(compilation.valid()).isFalse();
    assertThat(compilation.errors())
        .anySatisfy(d -> assertThat(d.message()).contains("outside the repository"));
  }

  @Test
  void dockerAppsIgnorePath() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/prod/manifest.yml",
                    "applications:\n- name: a\n  path: missing\n  docker:\n    image: nginx\n")));
    assertThat(CompilerFixtures.onlyApp(compilation).getSpec().getLifecycle().getPath()).isNull();
    assertThat(CompilerFixtures.warnings(compilation))
        .anySatisfy(w -> assertThat(w).contains("docker"));
  }

  @Test
  void orgAndSpaceFiles() {
    Compilation compilation =
        valid(
            compileTree(
                Map.of(
                    "acme/org.yml",
                    "metadata:\n  labels:\n    team: core\nroles:\n- role: OrgManager\n"
                        + "  users: [alice]\n",
                    "acme/prod/space.yml",
                    "roles:\n- role: SpaceDeveloper\n  groups: [devs]\n",
                    "acme/prod/manifest.yml",
                    app("api"))));
    CFOrg org = objects(compilation, CFOrg.class).get(0);
    assertThat(org.getSpec().getCfMetadata().getLabels()).containsEntry("team", "core");
    assertThat(org.getSpec().getRoles())
        .extracting(RoleAssignment::getRole)
        .containsExactly("OrgManager");
    CFSpace space = objects(compilation, CFSpace.class).get(0);
    assertThat(space.getSpec().getRoles().get(0).getGroups()).containsExactly("devs");
  }

  @Test
  void unknownRolesAreErrors() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/space.yml",
                "roles:\n- role: OrgManager\n  users: [bob]\n",
                "acme/prod/manifest.yml",
                app("api")));
    assertThat(compilation.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo("acme/prod/space.yml");
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.message()).contains("unknown role 'OrgManager'");
            });
  }

  @Test
  void errorsInSeveralFilesAreAllReportedWithTheirFile() {
    Compilation compilation =
        compileTree(
            Map.of(
                "acme/prod/manifest.yml", "applications:\n- name: a\n  memory: 1\n",
                "acme/dev/manifest.yml", "applications:\n- name: b\n  instances: -1\n",
                "acme/test/manifest.yml", "applications: [\n"));
    assertThat(compilation.errors())
        .extracting(d -> d.file() + ":" + d.line())
        .containsExactly(
            "acme/dev/manifest.yml:3", "acme/prod/manifest.yml:3", "acme/test/manifest.yml:2");
  }

  private static SourceTree.SourceFile regular(String text) {
    return SourceTree.SourceFile.regular(text.getBytes(StandardCharsets.UTF_8));
  }
}
