package dev.gitfoundry.operator.config;

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
 * @param tuning concurrency and request rates
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
    Tuning tuning) {

  public OperatorConfig {
    watchNamespaces = Set.copyOf(watchNamespaces);
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
        Tuning.defaults());
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
        tuning);
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
        tuning);
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
        tuning);
  }

  public OperatorConfig withTuning(Tuning next) {
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
        next);
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
        tuning);
  }
}
