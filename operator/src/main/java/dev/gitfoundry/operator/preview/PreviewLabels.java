package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.Labels;
import java.util.Map;

/**
 * Labels on everything a preview creates. They deliberately differ from {@link Labels#SOURCE}: the
 * GitSource's own health roll-up, inventory and prune must never see preview objects, and preview
 * clean-up selects only objects that carry these labels.
 */
public final class PreviewLabels {
  /** Name of the GitSource the preview belongs to. */
  public static final String SOURCE = Labels.PREVIEW_SOURCE;

  /** Namespace of that GitSource. */
  public static final String SOURCE_NAMESPACE = Labels.PREVIEW_SOURCE_NAMESPACE;

  /** Pull-request number. */
  public static final String PULL_REQUEST = Labels.PULL_REQUEST;

  private PreviewLabels() {}

  /** Selects every preview object of one source. */
  public static Map<String, String> ofSource(SourceRef source) {
    return Map.of(SOURCE, source.name(), SOURCE_NAMESPACE, source.namespace());
  }

  /** Selects the objects of one pull request's preview. */
  public static Map<String, String> of(SourceRef source, int number) {
    return Map.of(
        SOURCE,
        source.name(),
        SOURCE_NAMESPACE,
        source.namespace(),
        PULL_REQUEST,
        Integer.toString(number),
        Labels.MANAGED_BY,
        Labels.MANAGED_BY_VALUE);
  }
}
