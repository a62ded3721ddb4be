package dev.gitfoundry.operator.preview;

/** One CFApp of a compilation: its space namespace and Kubernetes name. */
public record AppKey(String namespace, String name) {
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
