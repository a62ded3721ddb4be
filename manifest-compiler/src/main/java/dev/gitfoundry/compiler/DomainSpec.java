package dev.gitfoundry.compiler;

/**
 * A domain routes may use. Internal domains take no wildcard hosts or paths; TCP ones take ports.
 */
public record DomainSpec(String name, boolean internal, boolean tcp) {
  public static DomainSpec shared(String name) {
    return new DomainSpec(name, false, false);
  }
}
