package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;

/** A GitSource by namespace and name; webhook targets are named {@code namespace/name}. */
public record SourceRef(String namespace, String name) {
  static SourceRef of(GitSource source) {
    return new SourceRef(source.getMetadata().getNamespace(), source.getMetadata().getName());
  }

  /** From a webhook target name; null when it is not {@code namespace/name}. */
  static SourceRef parse(String targetName) {
    int slash = targetName.indexOf('/');
    if (slash <= 0 || slash == targetName.length() - 1) {
      return null;
    }
    return new SourceRef(targetName.substring(0, slash), targetName.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
