package dev.gitfoundry.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gitfoundry.testing.CommandResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chart unit tests: render {@code chart/} with the pinned helm and assert on the YAML — security
 * context, probes, environment from values, RBAC rules exactly as documented in chart/README.md,
 * toggles, and values the schema must reject.
 */
class ChartTemplateIT {
  private static final String NAMESPACE = "gitfoundry-system";
  private static final String FULLNAME = "gitfoundry";
  private static final List<String> CF_ROLES =
      List.of(
          "gitfoundry-org-manager",
          "gitfoundry-org-auditor",
          "gitfoundry-org-billing-manager",
          "gitfoundry-org-user",
          "gitfoundry-space-developer",
          "gitfoundry-space-manager",
          "gitfoundry-space-auditor",
          "gitfoundry-space-supporter");
  private static final String CRUD = "get,list,watch,create,update,patch,delete";

  /** The operator's ClusterRole, one line per rule: groups resources verbs [resourceNames]. */
  private static final List<String> OPERATOR_RULES =
      List.of(
          "gitfoundry.dev gitsources,cforgs,cfspaces,cfapps,cfroutes " + CRUD,
          "gitfoundry.dev gitsources/status,cforgs/status,cfspaces/status,cfapps/status,"
              + "cfroutes/status get,update,patch",
          "gitfoundry.dev gitsources/finalizers,cforgs/finalizers,cfspaces/finalizers,"
              + "cfapps/finalizers,cfroutes/finalizers update",
          "core namespaces get,list,watch,create,patch,delete",
          "core secrets,services,resourcequotas,limitranges " + CRUD,
          "core pods get,list,watch",
          "core pods/log get",
          "core configmaps get,list,watch,create,update",
          "metrics.k8s.io pods get,list",
          "core events create,patch",
          "apps statefulsets " + CRUD,
          "apps deployments list,delete",
          "networking.k8s.io ingresses,networkpolicies " + CRUD,
          "gateway.networking.k8s.io httproutes " + CRUD,
          "rbac.authorization.k8s.io rolebindings " + CRUD,
          "rbac.authorization.k8s.io clusterroles bind "
              + CF_ROLES.stream().sorted().reduce((a, b) -> a + "," + b).orElseThrow(),
          "kpack.io images " + CRUD,
          "apiextensions.k8s.io customresourcedefinitions get,list,watch",
          "authentication.k8s.io tokenreviews create",
          "authorization.k8s.io subjectaccessreviews create");

  private static Helm helm;
  private static Rendered defaults;
  private static Rendered nonDefaults;

  @BeforeAll
  static void render() {
    helm = Helm.get();
    defaults = Rendered.parse(helm.render(NAMESPACE, List.of()));
    nonDefaults =
        Rendered.parse(
            helm.render(NAMESPACE, List.of("-f", ciValues("non-default-values.yaml").toString())));
  }

  private static Path ciValues(String name) {
    return helm.chart().resolve("ci").resolve(name);
  }

  private static Rendered render(String... arguments) {
    return Rendered.parse(helm.render(NAMESPACE, List.of(arguments)));
  }

  @Test
  void defaultsRenderExactlyTheOperatorAndItsRbac() {
    List<String> expected = new ArrayList<>();
    expected.add("PodDisruptionBudget/" + FULLNAME);
    expected.add("ServiceAccount/" + FULLNAME);
    CF_ROLES.forEach(name -> expected.add("ClusterRole/" + name));
    expected.add("ClusterRole/" + FULLNAME);
    expected.add("ClusterRoleBinding/" + FULLNAME);
    expected.add("Role/" + FULLNAME + "-leader-election");
    expected.add("RoleBinding/" + FULLNAME + "-leader-election");
    expected.add("Service/" + FULLNAME);
    expected.add("Service/" + FULLNAME + "-metrics");
    expected.add("Deployment/" + FULLNAME);
    assertThat(defaults.ids()).containsExactlyInAnyOrderElementsOf(expected);
    for (JsonNode document : defaults.documents()) {
      assertThat(
              document.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
          .as("part-of label of %s", Rendered.id(document))
          .isEqualTo("gitfoundry");
      if (!document.path("kind").asText().startsWith("Cluster")) {
        assertThat(document.path("metadata").path("namespace").asText())
            .as("namespace of %s", Rendered.id(document))
            .isEqualTo(NAMESPACE);
      }
    }
  }

  @Test
  void crdsComeFromTheChartsCrdsDirectory() {
    Rendered withCrds = render("--include-crds");
    assertThat(
            withCrds.ofKind("CustomResourceDefinition").stream()
                .map(d -> d.path("metadata").path("name").asText()))
        .containsExactlyInAnyOrder(
            "gitsources.gitfoundry.dev",
            "cforgs.gitfoundry.dev",
            "cfspaces.gitfoundry.dev",
            "cfapps.gitfoundry.dev",
            "cfroutes.gitfoundry.dev");
  }

  @Test
  void deploymentRunsTheOperatorLockedDown() throws IOException {
    Deployment deployment = defaults.one(Deployment.class, FULLNAME);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo(FULLNAME);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getContainers()).hasSize(1);

    Container operator = pod.getContainers().get(0);
    String appVersion =
        new ObjectMapper(new YAMLFactory())
            .readTree(helm.chart().resolve("Chart.yaml").toFile())
            .path("appVersion")
            .asText();
    assertThat(appVersion).isNotBlank();
    assertThat(operator.getImage()).isEqualTo("gitfoundry/operator:" + appVersion);
    assertThat(operator.getCommand()).containsExactly("java", "-jar", "/app/gitfoundry.jar");
    assertThat(operator.getArgs()).containsExactly("run");

    var security = operator.getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getRunAsUser()).isEqualTo(65532L);
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getPrivileged()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    assertThat(operator.getPorts())
        .extracting(port -> port.getName() + ":" + port.getContainerPort())
        .containsExactly("http:8080", "metrics:9090");
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);

    assertThat(operator.getResources().getRequests())
        .containsEntry("cpu", new Quantity("100m"))
        .containsEntry("memory", new Quantity("384Mi"));
    assertThat(operator.getResources().getLimits()).containsEntry("memory", new Quantity("768Mi"));

    Map<String, String> mounts = new LinkedHashMap<>();
    operator.getVolumeMounts().forEach(m -> mounts.put(m.getName(), m.getMountPath()));
    assertThat(mounts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cache", "/var/cache/gitfoundry", "tmp", "/tmp"));
    assertThat(pod.getVolumes())
        .extracting(Volume::getName)
        .containsExactlyInAnyOrder("cache", "tmp");
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());

    var antiAffinity = pod.getAffinity().getPodAntiAffinity();
    assertThat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution()).isNullOrEmpty();
    assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution())
        .singleElement()
        .satisfies(
            term -> {
              assertThat(term.getPodAffinityTerm().getTopologyKey())
                  .isEqualTo("kubernetes.io/hostname");
              assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                  .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            });
  }

  @Test
  void defaultImageIsTheOneTheImageProfileBuilds() throws Exception {
    String image = container(defaults).getImage();
    Path root = helm.chart().getParent();
    String pom = Files.readString(root.resolve("operator/pom.xml"));
    assertThat(pom)
        .as("operator/pom.xml profile image: Jib <to><image> must match the chart's default image")
        .contains("<image>" + image + "</image>");
    String projectVersion =
        XPathFactory.newInstance()
            .newXPath()
            .evaluate(
                "/project/version",
                DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(root.resolve("pom.xml").toFile()));
    assertThat(image)
        .as("the image tag (and the chart's appVersion) is the project version")
        .isEqualTo("gitfoundry/operator:" + projectVersion.replace("-SNAPSHOT", ""));
  }

  @Test
  void environmentDefaults() {
    Container operator = container(defaults);
    assertThat(env(operator))
        .containsEntry("GITFOUNDRY_NAMESPACES", "")
        .containsEntry("GITFOUNDRY_DEFAULT_DOMAIN", "apps.127.0.0.1.nip.io")
        .containsEntry("GITFOUNDRY_ROUTING", "ingress")
        .containsEntry("GITFOUNDRY_GATEWAY", "")
        .containsEntry("GITFOUNDRY_INGRESS_CLASS", "")
        .containsEntry(
            "GITFOUNDRY_PUBLIC_URL", "http://" + FULLNAME + "." + NAMESPACE + ".svc:8080")
        .containsEntry("GITFOUNDRY_PORT", "8080")
        .containsEntry("GITFOUNDRY_METRICS_PORT", "9090")
        .containsEntry("GITFOUNDRY_LEADER_ELECTION", "true")
        .containsEntry("GITFOUNDRY_PROGRESS_DEADLINE", "PT5M")
        .containsEntry("GITFOUNDRY_APPLY_CONCURRENCY", "16")
        .containsEntry("GITFOUNDRY_WORKLOAD_CONCURRENCY", "20")
        .containsEntry("GITFOUNDRY_KUBE_API_QPS", "0")
        .containsEntry("GITFOUNDRY_KUBE_API_BURST", "0")
        .containsEntry("GITFOUNDRY_CACHE_DIR", "/var/cache/gitfoundry")
        .containsEntry("MALLOC_ARENA_MAX", "2");
    EnvVar podNamespace =
        operator.getEnv().stream()
            .filter(e -> e.getName().equals("POD_NAMESPACE"))
            .findFirst()
            .orElseThrow();
    assertThat(podNamespace.getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
  }

  @Test
  void environmentAndPodFromNonDefaultValues() {
    Deployment deployment = nonDefaults.one(Deployment.class, FULLNAME);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    Container operator = container(nonDefaults);
    assertThat(operator.getImage()).isEqualTo("platform/gitfoundry-operator:0.1.0-rc.1");
    assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
    assertThat(env(operator))
        .containsEntry("GITFOUNDRY_NAMESPACES", "team-a,team-b")
        .containsEntry("GITFOUNDRY_DEFAULT_DOMAIN", "apps.acme.test")
        .containsEntry("GITFOUNDRY_ROUTING", "gateway")
        .containsEntry("GITFOUNDRY_GATEWAY", "gateway-system/public")
        .containsEntry("GITFOUNDRY_PUBLIC_URL", "https://gitfoundry.acme.test")
        .containsEntry("GITFOUNDRY_PROGRESS_DEADLINE", "PT10M")
        .containsEntry("LOG_FORMAT", "json");
    assertThat(env(operator).get("JAVA_TOOL_OPTIONS")).startsWith("-XX:MaxRAMPercentage=60.0");
    assertThat(operator.getResources().getLimits())
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("1Gi"));
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("gitfoundry-operator");
    assertThat(pod.getImagePullSecrets())
        .singleElement()
        .hasFieldOrPropertyWithValue("name", "registry-pull");
    assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    assertThat(pod.getTolerations()).hasSize(1);
    assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals("cache")).findFirst())
        .get()
        .satisfies(v -> assertThat(v.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("5Gi")));
    assertThat(nonDefaults.one(ServiceAccount.class, "gitfoundry-operator")).isNotNull();
    assertThat(nonDefaults.one(ClusterRoleBinding.class, FULLNAME).getSubjects().get(0).getName())
        .isEqualTo("gitfoundry-operator");
  }

  @Test
  void publicUrlFollowsTheExposure() {
    assertThat(env(container(render("--set", "publicUrl=https://cf.acme.test"))))
        .containsEntry("GITFOUNDRY_PUBLIC_URL", "https://cf.acme.test");
    assertThat(env(container(render("-f", ciValues("httproute-values.yaml").toString()))))
        .containsEntry("GITFOUNDRY_PUBLIC_URL", "https://gitfoundry.acme.test")
        .containsEntry("GITFOUNDRY_LEADER_ELECTION", "false");
  }

  @Test
  void operatorClusterRoleHasExactlyTheDocumentedRules() {
    ClusterRole role = defaults.one(ClusterRole.class, FULLNAME);
    assertThat(role.getRules().stream().map(ChartTemplateIT::rule))
        .containsExactlyElementsOf(OPERATOR_RULES);
    assertThat(role.getAggregationRule()).isNull();
    ClusterRoleBinding binding = defaults.one(ClusterRoleBinding.class, FULLNAME);
    assertThat(binding.getRoleRef().getName()).isEqualTo(FULLNAME);
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo(FULLNAME);
              assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
            });
  }

  @Test
  void leaderElectionRoleOnlyTouchesLeasesInTheReleaseNamespace() {
    Role role = defaults.one(Role.class, FULLNAME + "-leader-election");
    assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(role.getRules().stream().map(ChartTemplateIT::rule))
        .containsExactly("coordination.k8s.io leases get,create,update");
  }

  @Test
  void noRuleUsesWildcardsOrEscalationVerbs() {
    for (ClusterRole role :
        defaults.ofKind("ClusterRole").stream()
            .map(d -> defaults.one(ClusterRole.class, d.path("metadata").path("name").asText()))
            .toList()) {
      for (PolicyRule rule : role.getRules()) {
        assertThat(rule.getApiGroups()).as(role.getMetadata().getName()).doesNotContain("*");
        assertThat(rule.getResources()).as(role.getMetadata().getName()).doesNotContain("*");
        assertThat(rule.getVerbs())
            .as(role.getMetadata().getName())
            .doesNotContain("*", "escalate", "impersonate");
        assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
      }
    }
  }

  @Test
  void cfRoleClusterRolesAreReadOnly() {
    List<String> readers =
        List.of(
            "gitfoundry-org-auditor",
            "gitfoundry-org-billing-manager",
            "gitfoundry-org-user",
            "gitfoundry-space-auditor");
    for (String name : CF_ROLES) {
      ClusterRole role = defaults.one(ClusterRole.class, name);
      assertThat(role.getMetadata().getLabels()).containsKey("gitfoundry.dev/cf-role");
      List<String> rules = role.getRules().stream().map(ChartTemplateIT::rule).toList();
      if (readers.contains(name)) {
        assertThat(rules)
            .as(name)
            .containsExactly("gitfoundry.dev cforgs,cfspaces,cfapps,cfroutes get,list,watch");
      } else if (name.equals("gitfoundry-space-developer")) {
        // As on CF, space developers see credentials (cf env); no other role does.
        assertThat(rules)
            .as(name)
            .containsExactly(
                "gitfoundry.dev cforgs,cfspaces,cfapps,cfroutes get,list,watch",
                "core pods,services get,list,watch",
                "core pods/log get",
                "apps statefulsets get,list,watch",
                "core secrets get,list");
      } else {
        assertThat(rules)
            .as(name)
            .containsExactly(
                "gitfoundry.dev cforgs,cfspaces,cfapps,cfroutes get,list,watch",
                "core pods,services get,list,watch",
                "core pods/log get",
                "apps statefulsets get,list,watch");
      }
    }
    assertThat(
            defaults.one(ClusterRole.class, "gitfoundry-space-developer").getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/cf-role", "SpaceDeveloper");
  }

  @Test
  void rbacAndServiceAccountCanBeLeftToThePlatformTeam() {
    Rendered none =
        render(
            "--set", "rbac.create=false",
            "--set", "rbac.cfRoles=false",
            "--set", "serviceAccount.create=false",
            "--set", "serviceAccount.name=provided");
    assertThat(none.ids())
        .noneMatch(id -> id.startsWith("ClusterRole") || id.startsWith("Role"))
        .noneMatch(id -> id.startsWith("ServiceAccount/"));
    assertThat(
            none.one(Deployment.class, FULLNAME)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getServiceAccountName())
        .isEqualTo("provided");
  }

  @Test
  void publicServiceHasPortHttpOnlyAndMetricsHaveAClusterIpServiceOfTheirOwn() {
    JsonNode service = defaults.one("Service", FULLNAME);
    assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
    assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("http");
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(service.at("/spec/ports").size()).isEqualTo(1);
    assertThat(service.at("/spec/selector/app.kubernetes.io~1name").asText())
        .isEqualTo("gitfoundry");

    JsonNode metrics = defaults.one("Service", FULLNAME + "-metrics");
    assertThat(metrics.at("/spec/type").asText()).isEqualTo("ClusterIP");
    assertThat(metrics.at("/spec/ports").size()).isEqualTo(1);
    assertThat(metrics.at("/spec/ports/0/name").asText()).isEqualTo("metrics");
    assertThat(metrics.at("/spec/ports/0/port").asInt()).isEqualTo(9090);
    assertThat(metrics.at("/spec/ports/0/targetPort").asText()).isEqualTo("metrics");
    assertThat(metrics.at("/spec/selector")).isEqualTo(service.at("/spec/selector"));
    assertThat(nonDefaults.one("Service", FULLNAME + "-metrics").at("/spec/ports/0/port").asInt())
        .isEqualTo(9100);

    Rendered loadBalancer = render("--set", "service.type=LoadBalancer");
    assertThat(loadBalancer.one("Service", FULLNAME).at("/spec/type").asText())
        .isEqualTo("LoadBalancer");
    assertThat(loadBalancer.one("Service", FULLNAME + "-metrics").at("/spec/type").asText())
        .as("exposing the public Service never exposes /metrics")
        .isEqualTo("ClusterIP");
  }

  @Test
  void ingressServiceMonitorAndGatewayExposureAreToggles() {
    assertThat(defaults.has("Ingress")).isFalse();
    assertThat(defaults.has("HTTPRoute")).isFalse();
    assertThat(defaults.has("ServiceMonitor")).isFalse();

    JsonNode ingress = nonDefaults.one("Ingress", FULLNAME);
    assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
    assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("gitfoundry.acme.test");
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText())
        .isEqualTo(FULLNAME);
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asText())
        .isEqualTo("http");
    assertThat(ingress.at("/spec/rules").size()).isEqualTo(1);
    assertThat(ingress.at("/spec/rules/0/http/paths").size()).as("never the metrics").isEqualTo(1);
    assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("gitfoundry-tls");

    JsonNode monitor = nonDefaults.one("ServiceMonitor", FULLNAME);
    assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
    assertThat(monitor.at("/spec/endpoints").size()).isEqualTo(1);
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("metrics");
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
    assertThat(monitor.at("/spec/endpoints/0/interval").asText()).isEqualTo("15s");
    Map<String, String> selector = strings(monitor.at("/spec/selector/matchLabels"));
    assertThat(strings(nonDefaults.one("Service", FULLNAME + "-metrics").at("/metadata/labels")))
        .as("the ServiceMonitor selects the metrics Service")
        .containsAllEntriesOf(selector);
    assertThat(strings(nonDefaults.one("Service", FULLNAME).at("/metadata/labels")))
        .as("and not the public one")
        .doesNotContainEntry("app.kubernetes.io/component", "metrics");
    assertThat(selector).containsEntry("app.kubernetes.io/component", "metrics");

    Rendered gateway = render("-f", ciValues("httproute-values.yaml").toString());
    JsonNode route = gateway.one("HTTPRoute", FULLNAME);
    assertThat(route.path("apiVersion").asText()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo("public");
    assertThat(route.at("/spec/parentRefs/0/namespace").asText()).isEqualTo("gateway-system");
    assertThat(route.at("/spec/hostnames/0").asText()).isEqualTo("gitfoundry.acme.test");
    assertThat(route.at("/spec/rules/0/backendRefs/0/name").asText()).isEqualTo(FULLNAME);
    assertThat(route.at("/spec/rules/0/backendRefs/0/port").asInt()).isEqualTo(8080);
    assertThat(route.at("/spec/rules").size()).isEqualTo(1);
    assertThat(route.at("/spec/rules/0/backendRefs").size()).as("never the metrics").isEqualTo(1);
    assertThat(gateway.has("Ingress")).isFalse();
    assertThat(gateway.has("PodDisruptionBudget")).as("one replica: no PDB").isFalse();
  }

  static Stream<Arguments> rejectedValues() {
    return Stream.of(
        Arguments.of(
            List.of("--set", "routing=nginx"), "value must be one of 'ingress', 'gateway'"),
        Arguments.of(List.of("--set", "routng=ingress"), "additional properties 'routng'"),
        Arguments.of(List.of("--set", "routing=gateway"), "/gateway"),
        Arguments.of(List.of("--set", "gateway=public"), "/gateway"),
        Arguments.of(List.of("--set", "progressDeadline=5m"), "/progressDeadline"),
        Arguments.of(List.of("--set", "replicaCount=-1"), "/replicaCount"),
        Arguments.of(List.of("--set", "image.pullPolicy=Sometimes"), "/image/pullPolicy"),
        Arguments.of(List.of("--set", "namespaces[0]=Team_A"), "/namespaces/0"),
        Arguments.of(List.of("--set", "resources.limits.memory=lots"), "/resources/limits/memory"),
        Arguments.of(List.of("--set", "httpRoute.enabled=true"), "/httpRoute/parentRefs"),
        Arguments.of(List.of("--set", "serviceMonitor.interval=often"), "/serviceMonitor/interval"),
        Arguments.of(List.of("--set", "metrics.port=0"), "/metrics/port"),
        Arguments.of(
            List.of("--set", "leaderElection=false"),
            "replicaCount > 1 needs leaderElection: true"));
  }

  @ParameterizedTest
  @MethodSource("rejectedValues")
  void badValuesAreRejected(List<String> arguments, String message) {
    CommandResult result = helm.template(NAMESPACE, arguments);
    assertThat(result.exitCode()).as("helm template %s", arguments).isNotZero();
    assertThat(result.stderr()).contains(message);
  }

  private static Container container(Rendered rendered) {
    return rendered
        .one(Deployment.class, FULLNAME)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  private static Map<String, String> env(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      if (var.getValueFrom() == null) {
        assertThat(env).as("duplicate env %s", var.getName()).doesNotContainKey(var.getName());
        env.put(var.getName(), var.getValue() == null ? "" : var.getValue());
      }
    }
    return env;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  /** {@code groups resources verbs [resourceNames]}, the core group written as {@code core}. */
  static String rule(PolicyRule rule) {
    String groups =
        String.join(",", rule.getApiGroups().stream().map(g -> g.isEmpty() ? "core" : g).toList());
    String line =
        groups
            + " "
            + String.join(",", rule.getResources())
            + " "
            + String.join(",", rule.getVerbs());
    if (rule.getResourceNames() != null && !rule.getResourceNames().isEmpty()) {
      line += " " + String.join(",", rule.getResourceNames().stream().sorted().toList());
    }
    return line;
  }
}
