package dev.gitfoundry.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.testing.Command;
import dev.gitfoundry.testing.CommandResult;
import dev.gitfoundry.testing.KubeApi;
import dev.gitfoundry.testing.TempDir;
import dev.gitfoundry.testing.Tools;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document the chart renders — with the defaults and with each {@code chart/ci/} values file
 * (gateway mode, Ingress and HTTPRoute exposure, ServiceMonitor on, a namespace list) — is accepted
 * by a real kube-apiserver: {@code kubectl apply --server-side --dry-run=server} with strict field
 * validation. The fixture installs the chart's CRDs; ServiceMonitor and HTTPRoute get minimal CRDs
 * here, with schemas covering the fields the chart sets, and are removed afterwards.
 */
class ChartDryRunIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** Minimal stand-ins for the Prometheus Operator and Gateway API CRDs (not installed here). */
  private static final String SERVICE_MONITOR_CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: servicemonitors.monitoring.coreos.com
      spec:
        group: monitoring.coreos.com
        scope: Namespaced
        names: {kind: ServiceMonitor, plural: servicemonitors, singular: servicemonitor, listKind: ServiceMonitorList}
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [selector, endpoints]
                    properties:
                      selector:
                        type: object
                        properties:
                          matchLabels: {type: object, additionalProperties: {type: string}}
                      namespaceSelector:
                        type: object
                        properties:
                          any: {type: boolean}
                          matchNames: {type: array, items: {type: string}}
                      endpoints:
                        type: array
                        items:
                          type: object
                          properties:
                            port: {type: string}
                            path: {type: string}
                            scheme: {type: string}
                            interval: {type: string, pattern: '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$'}
                            scrapeTimeout: {type: string, pattern: '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$'}
      """;

  private static final String HTTP_ROUTE_CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: httproutes.gateway.networking.k8s.io
        annotations:
          # *.k8s.io groups are protected; the real CRDs carry their approval link.
          api-approved.kubernetes.io: "unapproved, minimal stand-in for the chart tests"
      spec:
        group: gateway.networking.k8s.io
        scope: Namespaced
        names: {kind: HTTPRoute, plural: httproutes, singular: httproute, listKind: HTTPRouteList}
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      parentRefs:
                        type: array
                        items:
                          type: object
                          required: [name]
                          properties:
                            group: {type: string}
                            kind: {type: string}
                            namespace: {type: string}
                            name: {type: string}
                            sectionName: {type: string}
                            port: {type: integer}
                      hostnames: {type: array, items: {type: string}}
                      rules:
                        type: array
                        items:
                          type: object
                          properties:
                            matches:
                              type: array
                              items:
                                type: object
                                properties:
                                  path:
                                    type: object
                                    properties:
                                      type: {type: string, enum: [Exact, PathPrefix, RegularExpression]}
                                      value: {type: string}
                            backendRefs:
                              type: array
                              items:
                                type: object
                                required: [name]
                                properties:
                                  group: {type: string}
                                  kind: {type: string}
                                  name: {type: string}
                                  namespace: {type: string}
                                  port: {type: integer}
                                  weight: {type: integer}
      """;

  private static KubeApi api;
  private static Helm helm;
  private static Path kubectl;
  private static final List<String> installedCrds = new ArrayList<>();

  @BeforeAll
  static void start() {
    api = KubeApi.shared();
    helm = Helm.get();
    kubectl = Tools.get().binary("kubectl");
    installIfMissing(SERVICE_MONITOR_CRD);
    installIfMissing(HTTP_ROUTE_CRD);
  }

  @AfterAll
  static void removeStandInCrds() {
    for (String name : installedCrds) {
      api.client().apiextensions().v1().customResourceDefinitions().withName(name).delete();
    }
  }

  private static void installIfMissing(String yaml) {
    KubernetesClient client = api.client();
    CustomResourceDefinition crd =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
            .item();
    String name = crd.getMetadata().getName();
    var resource = client.apiextensions().v1().customResourceDefinitions().withName(name);
    if (resource.get() != null) {
      return; // a real one (or another test's); leave it alone
    }
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    installedCrds.add(name);
    resource.waitUntilCondition(
        c ->
            c != null
                && c.getStatus() != null
                && c.getStatus().getConditions() != null
                && c.getStatus().getConditions().stream()
                    .anyMatch(
                        s -> "Established".equals(s.getType()) && "True".equals(s.getStatus())),
        60,
        TimeUnit.SECONDS);
  }

  static Stream<String> valueSets() {
    List<String> sets = new ArrayList<>();
    sets.add("defaults");
    helm.ciValuesFiles().forEach(f -> sets.add(f.getFileName().toString()));
    return sets.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void everyRenderedDocumentPassesServerSideDryRun(String valueSet) {
    String namespace = api.createNamespace("chart");
    List<String> arguments =
        valueSet.equals("defaults")
            ? List.of()
            : List.of("-f", helm.chart().resolve("ci").resolve(valueSet).toString());
    String yaml = helm.render(namespace, arguments);
    Rendered rendered = Rendered.parse(yaml);
    if (!valueSet.equals("defaults")) {
      assertThat(rendered.has("ServiceMonitor") || rendered.has("HTTPRoute"))
          .as("the non-default sets exercise the optional kinds")
          .isTrue();
    }

    CommandResult result = dryRun(yaml);
    result.orThrow("kubectl apply --server-side --dry-run=server (" + valueSet + ")");
    assertThat(result.stderr())
        .as("warnings from the API server")
        .doesNotContainIgnoringCase("warning");

    List<String> applied = result.stdout().lines().filter(l -> !l.isBlank()).toList();
    List<String> expected =
        rendered.documents().stream()
            .map(
                d ->
                    d.path("kind").asText().toLowerCase(Locale.ROOT)
                        + "/"
                        + d.path("metadata").path("name").asText())
            .toList();
    // kubectl prints kind.group/name; compare kind/name.
    assertThat(applied.stream().map(ChartDryRunIT::withoutGroup))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The check above would catch a mistake: a misspelt field in the Deployment is refused. */
  @Test
  void dryRunRefusesAMisspeltField() {
    String namespace = api.createNamespace("chart");
    String yaml = helm.render(namespace, List.of());
    String broken =
        yaml.replaceFirst("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true");
    assertThat(broken).isNotEqualTo(yaml);
    CommandResult result = dryRun(broken);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("readOnlyRootFileSystem");
  }

  private static CommandResult dryRun(String yaml) {
    try (TempDir dir = TempDir.create("chart-dry-run")) {
      Path manifest = dir.resolve("rendered.yaml");
      Files.writeString(manifest, yaml);
      return Command.run(
          List.of(
              kubectl.toString(),
              "--kubeconfig",
              api.kubeconfigFile().toString(),
              "apply",
              "--server-side",
              "--dry-run=server",
              "--validate=strict",
              "--field-manager=gitfoundry-chart-test",
              "-o",
              "name",
              "-f",
              manifest.toString()),
          Map.of(),
          dir.path(),
          TIMEOUT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void helmInstallDryRunAgainstTheApiServerPrintsTheNotes() {
    String namespace = api.createNamespace("chart-install");
    CommandResult result =
        helm.run(
            List.of(
                "install",
                Helm.RELEASE,
                helm.chart().toString(),
                "--namespace",
                namespace,
                "--dry-run=server",
                "--kubeconfig",
                api.kubeconfigFile().toString(),
                "-f",
                helm.chart().resolve("ci").resolve("non-default-values.yaml").toString()),
            Map.of());
    result.orThrow("helm install --dry-run=server");
    assertThat(result.stdout())
        .contains("STATUS: pending-install")
        .contains("kind: GitSource")
        .contains("kubectl -n team-a create secret generic manifests-git")
        .contains("namespace: team-a")
        .contains("https://gitfoundry.acme.test/hooks/gitea")
        .contains("https://gitfoundry.acme.test/hooks/github")
        .contains("http://" + Helm.RELEASE + "-metrics." + namespace + ".svc:9100/metrics")
        .contains("watching namespaces team-a, team-b")
        .contains("routing: gateway via gateway-system/public");
  }

  @Test
  void notesWithDefaultValuesExplainTheUnexposedService() {
    String namespace = api.createNamespace("chart-install");
    CommandResult result =
        helm.run(
            List.of(
                "install",
                Helm.RELEASE,
                helm.chart().toString(),
                "--namespace",
                namespace,
                "--dry-run=server",
                "--kubeconfig",
                api.kubeconfigFile().toString()),
            Map.of());
    result.orThrow("helm install --dry-run=server");
    assertThat(result.stdout())
        .contains("kubectl create namespace gitfoundry-sources")
        .contains("namespace: gitfoundry-sources")
        .contains("http://gitfoundry." + namespace + ".svc:8080/hooks/gitea")
        .contains("this release has no Ingress or HTTPRoute")
        .contains("watching all namespaces");
  }

  private static String withoutGroup(String kubectlName) {
    int slash = kubectlName.indexOf('/');
    String kind = kubectlName.substring(0, slash);
    int dot = kind.indexOf('.');
    return (dot < 0 ? kind : kind.substring(0, dot)) + kubectlName.substring(slash);
  }
}
