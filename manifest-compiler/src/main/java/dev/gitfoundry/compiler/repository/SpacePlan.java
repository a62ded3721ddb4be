package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.manifest.AppDefinition;
import java.util.ArrayList;
import java.util.List;

/** Everything compiled for one space, before it becomes Kubernetes objects. */
record SpacePlan(String org, String space, ConfigFiles.OrgOrSpace config, List<PlannedApp> apps) {

  /** An app with where it came from, its resolved routes and its bits' repository path. */
  record PlannedApp(AppDefinition app, String file, List<ResolvedRoute> routes, String bitsPath) {}

  SpacePlan(String org, String space, ConfigFiles.OrgOrSpace config) {
    this(org, space, config, new ArrayList<>());
  }
}
