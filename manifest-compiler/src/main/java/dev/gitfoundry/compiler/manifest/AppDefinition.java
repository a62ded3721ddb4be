package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.Position;
import java.util.List;
import java.util.Map;

/** One application after every CLI and Cloud Controller rule: what the manifest means. */
public record AppDefinition(
    String name,
    Position position,
    LifecycleDefinition lifecycle,
    List<ProcessDefinition> processes,
    Map<String, String> env,
    List<ServiceBindingRequest> services,
    RouteIntent routes,
    List<SidecarDefinition> sidecars,
    MetadataRules.Metadata metadata,
    Map<String, Boolean> features,
    String path,
    Position pathPosition) {

  /** How a lifecycle is staged and run. {@code type} is docker, buildpack or cnb. */
  public record LifecycleDefinition(
      String type, String image, String username, List<String> buildpacks, String stack) {}

  /**
   * The routes the app asked for; {@code explicit} wins, then random, then default, unless {@code
   * none} (no-route, which overrides everything).
   */
  public record RouteIntent(
      List<RouteRequest> explicit, boolean none, boolean random, boolean defaultRoute) {}
}
