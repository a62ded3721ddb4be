package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.SourceLocation;
import dev.gitfoundry.gitsync.CommitFiles;
import dev.gitfoundry.gitsync.GitSyncException;
import dev.gitfoundry.operator.source.SourceSecrets;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manifest an app comes from, exactly as Git holds it at the revision its GitSource last
 * applied, read from Git on demand (any replica can answer; nothing is copied into the cluster).
 * Each commit is fetched once into a local cache (depth 1, {@link CommitFiles}); answers are
 * remembered per repository, commit and file.
 */
final class GitManifests {
  private static final int REMEMBERED = 256;

  /** Where a manifest is and what it says. */
  record Manifest(String repository, String file, String revision, String text) {}

  private final KubernetesClient privileged;
  private final SourceSecrets secrets;
  private final Map<String, Manifest> remembered =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Manifest> eldest) {
          return size() > REMEMBERED;
        }
      };
  private Path cacheRoot;

  GitManifests(KubernetesClient privileged) {
    this.privileged = privileged;
    this.secrets = new SourceSecrets(privileged);
  }

  synchronized Manifest of(CFApp app) {
    SourceLocation location = app.getSpec().getSource();
    GitSource source = OwningSource.of(privileged, app).orElse(null);
    if (location == null || location.getFile() == null || source == null) {
      throw CfError.resourceNotFound("Manifest");
    }
    String revision =
        source.getStatus() == null ? null : source.getStatus().getLastAppliedRevision();
    int at = revision == null ? -1 : revision.indexOf("@sha1:");
    if (at < 0) {
      throw CfError.resourceNotFound("Manifest");
    }
    String sha = revision.substring(at + "@sha1:".length());
    String repository = WriteRefusal.withoutCredentials(source.getSpec().getUrl());
    String key = repository + "\u0000" + sha + "\u0000" + location.getFile();
    Manifest known = remembered.get(key);
    if (known != null) {
      return known;
    }
    try (CommitFiles files =
        new CommitFiles(source.getSpec().getUrl(), secrets.gitCredentials(source), cacheRoot())) {
      byte[] bytes =
          files
              .read(sha, location.getFile())
              .orElseThrow(() -> CfError.resourceNotFound("Manifest"));
      Manifest manifest =
          new Manifest(
              repository, location.getFile(), revision, new String(bytes, StandardCharsets.UTF_8));
      remembered.put(key, manifest);
      return manifest;
    } catch (GitSyncException | SourceSecrets.MissingSecretException e) {
      throw new CfError(
          503,
          10001,
          "UnknownError",
          "could not read " + location.getFile() + " from " + repository + ": " + e.getMessage());
    }
  }

  /** The manifest as a file: a comment naming where it comes from, then Git's bytes. */
  static String withHeader(Manifest manifest) {
    return "# "
        + manifest.file()
        + " in "
        + manifest.repository()
        + " at "
        + manifest.revision()
        + "\n# Gitfoundry applies this file from Git: edit it there and push.\n"
        + manifest.text();
  }

  private Path cacheRoot() {
    if (cacheRoot == null) {
      try {
        cacheRoot = Files.createTempDirectory("gitfoundry-commit-files");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cacheRoot;
  }
}
