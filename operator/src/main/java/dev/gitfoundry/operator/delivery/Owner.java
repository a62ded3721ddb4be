package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import java.util.Map;
import java.util.Optional;

/**
 * Who an object belongs to, read from its labels: a GitSource's branch ({@code
 * source:<namespace>/<name>}) or one pull request's preview ({@code
 * preview:<namespace>/<name>#<number>}). The live-state cache indexes objects by it, and a delivery
 * scope names the owner it writes for.
 */
public final class Owner {
  private Owner() {}

  public static Optional<String> of(Map<String, String> labels) {
    if (labels == null) {
      return Optional.empty();
    }
    String pr = labels.get(Labels.PULL_REQUEST);
    String previewSource = labels.get(Labels.PREVIEW_SOURCE);
    String previewNamespace = labels.get(Labels.PREVIEW_SOURCE_NAMESPACE);
    if (pr != null && previewSource != null && previewNamespace != null) {
      return Optional.of(preview(previewNamespace, previewSource, pr));
    }
    String source = labels.get(Labels.SOURCE);
    String sourceNamespace = labels.get(Labels.SOURCE_NAMESPACE);
    if (source != null && sourceNamespace != null) {
      return Optional.of(branch(sourceNamespace, source));
    }
    return Optional.empty();
  }

  public static String branch(String namespace, String name) {
    return "source:" + namespace + "/" + name;
  }

  public static String preview(String namespace, String name, Object number) {
    return "preview:" + namespace + "/" + name + "#" + number;
  }
}
