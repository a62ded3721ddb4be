package dev.gitfoundry.operator.http;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import java.util.List;
import java.util.Optional;

/** What the status pages read; the operator answers from informer caches, tests from lists. */
interface StatusReads {
  Optional<GitSource> source(String namespace, String name);

  /** The apps the source's branch runs (label {@code gitfoundry.dev/source}). */
  List<CFApp> apps(String namespace, String name);

  /** The apps of one pull request's preview of the source. */
  List<CFApp> previewApps(String namespace, String name, int pullRequest);

  /** The CF org and space names of an app. */
  Placement placement(CFApp app);

  record Placement(String org, String space) {}
}
