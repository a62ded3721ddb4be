package dev.gitfoundry.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STAND-IN FOR KPACK, LOCAL DEMO ONLY. The demo's nodes are simulated by kwok and run no
 * containers, so nothing could run a build or the image it makes. This marks every kpack {@code
 * Image} built, as kpack's controller would once a build succeeded: {@code status.latestImage} is a
 * local image reference derived from the Image's tag, Git URL, revision and sub-path, and the
 * {@code Ready} condition says that nothing was built. The operator reads that status exactly as it
 * reads kpack's (its code path is the one a cluster with kpack takes); only this class is fake.
 */
final class DemoKpackBuilder implements AutoCloseable {
  static final String CONDITION_MESSAGE =
      "marked built by the gitfoundry demo's stand-in for kpack: nothing was built (the demo's"
          + " kwok nodes run no containers)";
  private static final Logger log = LoggerFactory.getLogger(DemoKpackBuilder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinitionContext IMAGES =
      new ResourceDefinitionContext.Builder()
          .withGroup("kpack.io")
          .withVersion("v1alpha2")
          .withKind("Image")
          .withPlural("images")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;
  private final SharedIndexInformer<GenericKubernetesResource> informer;

  private DemoKpackBuilder(KubernetesClient client) {
    this.client = client;
    this.informer =
        client
            .genericKubernetesResources(IMAGES)
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource image) {
                    markBuilt(image);
                  }

                  @Override
                  public void onUpdate(
                      GenericKubernetesResource older, GenericKubernetesResource image) {
                    markBuilt(image);
                  }

                  @Override
                  public void onDelete(GenericKubernetesResource image, boolean unknown) {}
                });
  }

  /** Watches kpack Images in every namespace until {@link #close()}. */
  static DemoKpackBuilder start(KubernetesClient client) {
    return new DemoKpackBuilder(client);
  }

  /** The reference the stand-in reports for an Image spec: tag plus a digest of its source. */
  static String localImage(String tag, String gitUrl, String revision, String subPath) {
    String source = gitUrl + "\n" + revision + "\n" + (subPath == null ? "" : subPath);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return tag + "@sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void markBuilt(GenericKubernetesResource image) {
    Map<?, ?> spec = map(image.getAdditionalProperties().get("spec"));
    Map<?, ?> git = map(map(spec.get("source")).get("git"));
    String built =
        localImage(
            String.valueOf(spec.get("tag")),
            String.valueOf(git.get("url")),
            String.valueOf(git.get("revision")),
            (String) map(spec.get("source")).get("subPath"));
    Object current = map(image.getAdditionalProperties().get("status")).get("latestImage");
    if (built.equals(current)) {
      return;
    }
    Map<String, Object> status =
        Map.of(
            "status",
            Map.of(
                "observedGeneration",
                image.getMetadata().getGeneration(),
                "latestImage",
                built,
                "conditions",
                List.of(
                    Map.of("type", "Ready", "status", "True", "message", CONDITION_MESSAGE),
                    Map.of("type", "BuilderReady", "status", "True"))));
    try {
      client
          .genericKubernetesResources(IMAGES)
          .inNamespace(image.getMetadata().getNamespace())
          .withName(image.getMetadata().getName())
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), JSON.writeValueAsString(status));
      log.info(
          "demo stand-in for kpack: Image {}/{} marked built as {} (nothing was built)",
          image.getMetadata().getNamespace(),
          image.getMetadata().getName(),
          built);
    } catch (KubernetesClientException | JsonProcessingException e) {
      // the next event of this Image (or the informer's resync) tries again
      log.warn("demo stand-in for kpack: could not mark {} built: {}", image, e.getMessage());
    }
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  @Override
  public void close() {
    informer.close();
  }
}
