package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFMetadata;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.Lifecycle;
import dev.gitfoundry.api.v1alpha1.LifecycleType;

/**
 * A CFApp as a V3 app. There are no droplets (images are built outside CF), so there is no {@code
 * current_droplet} relationship.
 */
final class AppJson {
  private AppJson() {}

  static ObjectNode of(CFApp app, String spaceGuid, String baseUrl) {
    String guid = CfGuids.of(app);
    ObjectNode json = CfJson.object();
    json.put("guid", guid);
    CfJson.timestamps(json, app);
    json.put("name", app.getSpec().getDisplayName());
    json.put("state", state(app));
    json.set("lifecycle", lifecycle(app.getSpec().getLifecycle()));
    ObjectNode relationships = json.putObject("relationships");
    relationships.set("space", CfJson.toOne(spaceGuid));
    CFMetadata metadata = app.getSpec().getCfMetadata();
    json.set(
        "metadata",
        CfJson.metadata(
            metadata == null ? null : metadata.getLabels(),
            metadata == null ? null : metadata.getAnnotations()));
    ObjectNode links = json.putObject("links");
    String self = baseUrl + "/v3/apps/" + guid;
    links.set("self", CfJson.link(self));
    links.set("space", CfJson.link(baseUrl + "/v3/spaces/" + spaceGuid));
    links.set("processes", CfJson.link(self + "/processes"));
    links.set("routes", CfJson.link(self + "/routes"));
    links.set("current_droplet", CfJson.link(self + "/droplets/current"));
    return json;
  }

  static String state(CFApp app) {
    return app.getSpec().getDesiredState() == DesiredState.STOPPED ? "STOPPED" : "STARTED";
  }

  private static ObjectNode lifecycle(Lifecycle lifecycle) {
    ObjectNode json = CfJson.object();
    ObjectNode data = CfJson.object();
    LifecycleType type = lifecycle == null ? null : lifecycle.getType();
    if (type == LifecycleType.DOCKER) {
      json.put("type", "docker");
    } else {
      json.put("type", type == null ? "buildpack" : type.name().toLowerCase(java.util.Locale.ROOT));
      var buildpacks = data.putArray("buildpacks");
      if (lifecycle != null && lifecycle.getBuildpacks() != null) {
        lifecycle.getBuildpacks().forEach(buildpacks::add);
      }
      data.put("stack", lifecycle == null ? null : lifecycle.getStack());
    }
    json.set("data", data);
    return json;
  }
}
