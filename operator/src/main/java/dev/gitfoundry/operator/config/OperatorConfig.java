package dev.gitfoundry.operator.config;

import dev.gitfoundry.operator.workload.StagingConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Everything the operator is configured with (flags or environment, see RunCommand).
 *
 * @param watchNamespaces namespaces whose GitSources are served; empty means all
 * @param defaultDomain domain for default routes when a repository's foundation.yml names none
 * @param routingMode HTTPRoute or Ingress for CFRoutes
 * @param gatewayName parent Gateway of HTTPRoutes, {@code namespace/name}
 * @param ingressClassName class of generated Ingresses (null: the cluster default)
 * @param publicBaseUrl where users reach the operator (status pages, CF API), for links
 * @param progressDeadline how long an app may take to become ready before its commit fails
 * @param leaderElection whether to take a Lease before reconciling
 * @param operatorNamespace namespace of the leader-election Lease
 * @param leaderIdentity this replica's name in the Lease; null means the host (pod) name
 * @param exitOnLostLeadership whether losing the Lease ends the process, so that a replica that can
 *     no longer renew never keeps reconciling beside the new leader (off only in tests that run
 *     several operators in one JVM)
 * @param staging how buildpack apps are built with kpack (unconfigured: they report
 *     StagingUnavailable)
 * @param tuning concurrency and request rates
 * @param metricsPort port of {@code /metrics}, apart from the public port so that what exposes the
 *     public port (an Ingress, an HTTPRoute) never exposes the metrics; 0 picks a free port
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    String defaultDomain,
    RoutingMode routingMode,
    String gatewayName,
    String ingressClassName,
    URI publicBaseUrl,
    Duration progressDeadline,
    boolean leaderElection,
    String operatorNamespace,
    String leaderIdentity,
    boolean exitOnLostLeadership,
    StagingConfig staging,
    Tuning tuning,
    int metricsPort) {

  public OperatorConfig {
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new IllegalArgumentException("metrics port out of range: " + metricsPort);
    }
    watchNamespaces = Set.copyOf(watchNamespaces);
    staging = staging == null ? StagingConfig.unconfigured() : staging;
    tuning = tuning == null ? Tuning.defaults() : tuning;
  }

  /** Defaults suitable for tests and the local demo. */
  public static OperatorConfig defaults() {
    return new OperatorConfig(
        Set.of(),
        "apps.127.0.0.1.nip.io",
        RoutingMode.INGRESS,
        null,
        null,
        URI.create("http://127.0.0.1:8080"),
        Duration.ofMinutes(5),
        false,
        "gitfoundry-system",
        null,
        true,
        StagingConfig.unconfigured(),
        Tuning.defaults(),
        0);
  }

  public OperatorConfig withRoutingMode(RoutingMode mode, String gateway, String ingressClass) {
    Builder b = toBuilder();
    b.routingMode = mode;
    b.gatewayName = gateway;
    b.ingressClassName = ingressClass;
    return b.build();
  }

  public OperatorConfig withPublicBaseUrl(URI url) {
    Builder b = toBuilder();
    b.publicBaseUrl = url;
    return b.build();
  }

  public OperatorConfig withProgressDeadline(Duration deadline) {
    Builder b = toBuilder();
    b.progressDeadline = deadline;
    return b.build();
  }

  public OperatorConfig withWatchNamespaces(Set<String> namespaces) {
    Builder b = toBuilder();
    b.watchNamespaces = namespaces;
    return b.build();
  }

  /** Buildpack apps built by kpack as {@code staging} says. */
  public OperatorConfig withStaging(StagingConfig next) {
    Builder b = toBuilder();
    b.staging = next;
    return b.build();
  }

  public OperatorConfig withTuning(Tuning next) {
    Builder b = toBuilder();
    b.tuning = next;
    return b.build();
  }

  /** Leader election in {@code namespace} as {@code identity}, staying alive when it loses. */
  public OperatorConfig withLeaderElectionForTests(String namespace, String identity) {
    Builder b = toBuilder();
    b.leaderElection = true;
    b.operatorNamespace = namespace;
    b.leaderIdentity = identity;
    b.exitOnLostLeadership = false;
    return b.build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy to change one or two things of; the record stays immutable. */
  private static final class Builder {
    private Set<String> watchNamespaces;
    private final String defaultDomain;
    private RoutingMode routingMode;
    private String gatewayName;
    private String ingressClassName;
    private URI publicBaseUrl;
    private Duration progressDeadline;
    private boolean leaderElection;
    private String operatorNamespace;
    private String leaderIdentity;
    private boolean exitOnLostLeadership;
    private StagingConfig staging;
    private Tuning tuning;
    private final int metricsPort;

    private Builder(OperatorConfig c) {
      watchNamespaces = c.watchNamespaces;
      defaultDomain = c.defaultDomain;
      routingMode = c.routingMode;
      gatewayName = c.gatewayName;
      ingressClassName = c.ingressClassName;
      publicBaseUrl = c.publicBaseUrl;
      progressDeadline = c.progressDeadline;
      leaderElection = c.leaderElection;
      operatorNamespace = c.operatorNamespace;
      leaderIdentity = c.leaderIdentity;
      exitOnLostLeadership = c.exitOnLostLeadership;
      staging = c.staging;
      tuning = c.tuning;
      metricsPort = c.metricsPort;
    }

    private OperatorConfig build() {
      return new OperatorConfig(
          watchNamespaces,
          defaultDomain,
          routingMode,
          gatewayName,
          ingressClassName,
          publicBaseUrl,
          progressDeadline,
          leaderElection,
          operatorNamespace,
          leaderIdentity,
          exitOnLostLeadership,
          staging,
          tuning,
          metricsPort);
    }
  }
}
