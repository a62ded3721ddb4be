package dev.gitfoundry.operator.http;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppSpec;
import dev.gitfoundry.api.v1alpha1.CFAppStatus;
import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.api.v1alpha1.PostedCommitStatus;
import dev.gitfoundry.api.v1alpha1.ProcessStatus;
import dev.gitfoundry.api.v1alpha1.RevisionRecord;
import dev.gitfoundry.api.v1alpha1.SourceDiagnostic;
import dev.gitfoundry.api.v1alpha1.SourceLocation;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** GitSources and CFApps as the operator writes them, for the status-page tests. */
final class Fixtures {
  static final String GOOD = "a".repeat(40);
  static final String BROKEN = "b".repeat(40);
  static final String OLD = "c".repeat(40);
  static final String UNKNOWN = "0".repeat(40);

  private Fixtures() {}

  /**
   * team-a/manifests on Gitea: OLD succeeded, GOOD runs (given state), BROKEN failed to compile.
   */
  static GitSource source(String goodState) {
    GitSource source = new GitSource();
    source.getMetadata().setNamespace("team-a");
    source.getMetadata().setName("manifests");
    GitSourceSpec spec = new GitSourceSpec();
    spec.setUrl("http://token:s3cret@gitea.example:3000/acme/manifests.git");
    spec.setBranch("main");
    ForgeSpec forge = new ForgeSpec();
    forge.setType(ForgeType.GITEA);
    spec.setForge(forge);
    source.setSpec(spec);
    GitSourceStatus status = new GitSourceStatus();
    status.setLastAppliedRevision("main@sha1:" + GOOD);
    status.setLastAttemptedRevision("main@sha1:" + BROKEN);
    status.setLastFetchedRevision("main@sha1:" + BROKEN);
    RevisionRecord old = record(OLD, "first version", "2026-12-01T10:00:00Z");
    old.setAppliedAt("2026-12-01T10:00:02Z");
    old.setSupersededBy(GOOD);
    posted(old, "pending", "applied, 0/1 apps ready", "2026-12-01T10:00:03Z");
    posted(old, "error", "superseded by " + GOOD.substring(0, 12), "2026-12-01T10:01:00Z");
    RevisionRecord good = record(GOOD, "Scale web to 2", "2026-12-01T10:01:00Z");
    good.setAppliedAt("2026-12-01T10:01:02Z");
    posted(good, "pending", "applied, 0/1 apps ready", "2026-12-01T10:01:03Z");
    if (!"pending".equals(goodState)) {
      posted(good, goodState, "1/1 apps running", "2026-12-01T10:01:15Z");
    }
    good.setChanges(
        List.of(
            new AppChange(
                AppChange.CHANGED, "acme", "prod", "web", "acme-prod", "web", List.of("instances")),
            new AppChange(AppChange.ADDED, "acme", "prod", "api", "acme-prod", "api", List.of())));
    RevisionRecord broken = record(BROKEN, "break it", "2026-12-01T10:02:00Z");
    SourceDiagnostic error = new SourceDiagnostic();
    error.setFile("acme/prod/web/manifest.yml");
    error.setLine(3);
    error.setColumn(11);
    error.setApp("web");
    error.setMessage("Memory must use a supported unit");
    broken.setErrors(List.of(error));
    broken.setErrorCount(4);
    posted(
        broken,
        "failure",
        "acme/prod/web/manifest.yml:3:11 Memory must use a supported unit",
        "2026-12-01T10:02:02Z");
    status.setHistory(new ArrayList<>(List.of(old, good, broken)));
    source.setStatus(status);
    return source;
  }

  static RevisionRecord record(String sha, String subject, String at) {
    RevisionRecord record = new RevisionRecord();
    record.setRevision("main@sha1:" + sha);
    record.setSha(sha);
    record.setSubject(subject);
    record.setAuthor("Jane Doe");
    record.setAuthorEmail("jane@example.com");
    record.setCommittedAt(at);
    record.setFetchedAt(at);
    return record;
  }

  static void posted(RevisionRecord record, String state, String description, String at) {
    PostedCommitStatus posted = new PostedCommitStatus();
    posted.setSha(record.getSha());
    posted.setContext("gitfoundry");
    posted.setState(state);
    posted.setDescription(description);
    posted.setPostedAt(at);
    List<PostedCommitStatus> all = new ArrayList<>(record.getPosted());
    all.add(posted);
    record.setPosted(all);
  }

  /** A CFApp of team-a/manifests in acme-prod; ready or not (with reason). */
  static CFApp app(String name, boolean ready, String reason, String message) {
    CFApp app = new CFApp();
    app.getMetadata().setNamespace("acme-prod");
    app.getMetadata().setName(name.replaceAll("[^a-z0-9-]", "x"));
    app.getMetadata().setGeneration(2L);
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.SOURCE, "manifests");
    labels.put(Labels.SOURCE_NAMESPACE, "team-a");
    app.getMetadata().setLabels(labels);
    CFAppSpec spec = new CFAppSpec();
    spec.setDisplayName(name);
    SourceLocation location = new SourceLocation();
    location.setFile("acme/prod/" + name + "/manifest.yml");
    location.setLine(2);
    spec.setSource(location);
    app.setSpec(spec);
    CFAppStatus status = new CFAppStatus();
    status.setObservedGeneration(2L);
    ProcessStatus web = new ProcessStatus();
    web.setType("web");
    web.setDesiredInstances(2);
    web.setReadyInstances(ready ? 2 : 0);
    status.setProcesses(List.of(web));
    status.setUrls(List.of("http://" + name + ".apps.example.com"));
    status
        .getConditions()
        .add(
            new ConditionBuilder()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .withReason(reason)
                .withMessage(message)
                .build());
    app.setStatus(status);
    return app;
  }
}
