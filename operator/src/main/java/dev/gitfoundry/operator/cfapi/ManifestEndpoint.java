package dev.gitfoundry.operator.cfapi;

import dev.gitfoundry.api.v1alpha1.CFApp;
import java.util.function.Function;

/**
 * {@code cf create-app-manifest APP} ({@code GET /v3/apps/:guid/manifest}): the app's manifest file
 * exactly as in Git at the applied revision, headed by a comment naming repository, file and
 * revision. Like {@code cf env}, only for callers allowed to read Secrets in the space (a manifest
 * may hold env values), as Cloud Controller shows manifests to space developers only.
 */
final class ManifestEndpoint {
  static final String YAML = "application/x-yaml";

  private final Function<CfRequest, CallerView> views;
  private final Permissions permissions;
  private final GitManifests manifests;

  ManifestEndpoint(
      Function<CfRequest, CallerView> views, Permissions permissions, GitManifests manifests) {
    this.views = views;
    this.permissions = permissions;
    this.manifests = manifests;
  }

  void register(Router router) {
    router.getText(
        "/v3/apps/:guid/manifest",
        YAML,
        (request, p) -> CfJson.NODES.textNode(manifest(request, p.get("guid"))));
  }

  private String manifest(CfRequest request, String guid) {
    CallerView view = views.apply(request);
    CFApp app = view.visibleApp(guid);
    permissions.require(
        view.caller(), app.getMetadata().getNamespace(), Permissions.Permission.READ_SECRETS);
    return GitManifests.withHeader(manifests.of(app));
  }
}
