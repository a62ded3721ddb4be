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
    StagingConfig staging) {

  public OperatorConfig {
    watchNamespaces = Set.copyOf(watchNamespaces);
    staging = staging == null ? StagingConfig.unconfigured() : staging;
  }

  /** Without kpack builds configured. */
  public OperatorConfig(
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
      boolean exitOnLostLeadership) {
    this(
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
        StagingConfig.unconfigured());
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
        true);
  }

  public OperatorConfig withRoutingMode(RoutingMode mode, String gateway, String ingressClass) {
    return new OperatorConfig(
        watchNamespaces,
        defaultDomain,
        mode,
        gateway,
        ingressClass,
        publicBaseUrl,
        progressDeadline,
        leaderElection,
        operatorNamespace,
        leaderIdentity,
        exitOnLostLeadership,
        staging);
  }

  public OperatorConfig withPublicBaseUrl(URI url) {
    return new OperatorConfig(
        watchNamespaces,
        defaultDomain,
        routingMode,
        gatewayName,
        ingressClassName,
        url,
        progressDeadline,
        leaderElection,
        operatorNamespace,
        leaderIdentity,
        exitOnLostLeadership,
        staging);
  }

  public OperatorConfig withProgressDeadline(Duration deadline) {
    return new OperatorConfig(
        watchNamespaces,
        defaultDomain,
        routingMode,
        gatewayName,
        ingressClassName,
        publicBaseUrl,
        deadline,
        leaderElection,
        operatorNamespace,
        leaderIdentity,
        exitOnLostLeadership,
        staging);
  }

  /** Leader election in {@code namespace} as {@code identity}, staying alive when it loses. */
  public OperatorConfig withLeaderElectionForTests(String namespace, String identity) {
    return new OperatorConfig(
        watchNamespaces,
        defaultDomain,
        routingMode,
        gatewayName,
        ingressClassName,
        publicBaseUrl,
        progressDeadline,
        true,
        namespace,
        identity,
        false,
        staging);
  }

  /** Buildpack apps built by kpack as {@code staging} says. */
  public OperatorConfig withStaging(StagingConfig staging) {
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
        staging);
  }
}
