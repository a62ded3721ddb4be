package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.manifest.AppDefinition;
import java.util.ArrayList;
import java.util.List;

/** Everything compiled for one space, before it becomes Kubernetes objects. */
record SpacePlan(
    String org,
    String space,
    ConfigFiles.OrgOrSpace config,
    String configFile,
    List<PlannedApp> apps) {

  /** An app with where it came from, its resolved routes and its bits' repository path. */
  record PlannedApp(AppDefinition app, String file, List<ResolvedRoute> routes, String bitsPath) {}

  /**
   * @param configFile the space.yml path (whether or not it exists); null for a single manifest
   */
  SpacePlan(String org, String space, ConfigFiles.OrgOrSpace config, String configFile) {
    this(org, space, config, configFile, new ArrayList<>());
  }
}
