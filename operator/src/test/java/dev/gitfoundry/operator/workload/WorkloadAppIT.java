package dev.gitfoundry.operator.workload;

import static dev.gitfoundry.operator.workload.WorkloadTestSupport.await;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.awaitReady;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.check;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.create;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.createSecret;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.dockerApp;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.get;
import static dev.gitfoundry.operator.workload.WorkloadTestSupport.process;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.LifecycleType;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import dev.gitfoundry.api.v1alpha1.Sidecar;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkloadAppIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KubeCluster cluster;
  private static KubernetesClient client;
  private static Operator operator;

  @BeforeAll
  static void startOperator() {
    cluster = KubeCluster.shared();
    client = cluster.client();
    operator = WorkloadTestSupport.startOperator(cluster, OperatorConfig.defaults());
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void dockerAppRunsItsProcessesBehindAServiceWithARuntimeSecret() throws Exception {
    String ns = cluster.createNamespace("app");
    createSecret(client, ns, "web-env", Map.of("GREETING", "hello"));
    ProcessSpec web = process("web", 2);
    web.setHealthCheck(check("http", "/health"));
    web.setReadinessCheck(check("port", null));
    web.setTimeoutSeconds(60);
    ProcessSpec worker = process("worker", 1);
    worker.setCommand("bin/worker --queue jobs");
    worker.setHealthCheck(check("process", null));
    CFApp app = dockerApp(ns, "web", web, worker);
    app.getSpec().setEnvSecretName("web-env");
    Sidecar agent = new Sidecar();
    agent.setName("agent");
    agent.setCommand("./agent");
    agent.setProcessTypes(List.of("web"));
    agent.setMemoryMB(64L);
    app.getSpec().setSidecars(List.of(agent));
    create(client, app);

    CFApp ready = awaitReady(cluster, () -> get(client, CFApp.class, ns, "web"), "True", "Running");

    assertThat(ready.getStatus().getObservedGeneration())
        .isEqualTo(ready.getMetadata().getGeneration());
    assertThat(ready.getStatus().getGuid())
        .isEqualTo(ready.getMetadata().getLabels().get("gitfoundry.dev/app-guid"));
    assertThat(ready.getStatus().getProcesses())
        .extracting(p -> p.getType() + " " + p.getReadyInstances() + "/" + p.getDesiredInstances())
        .containsExactly("web 2/2", "worker 1/1");

    StatefulSet webWorkload = statefulSet(ns, "web-web");
    assertThat(webWorkload.getSpec().getReplicas()).isEqualTo(2);
    assertThat(webWorkload.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    List<Container> containers = webWorkload.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).extracting(Container::getName).containsExactly("app", "agent");
    Container main = containers.get(0);
    assertThat(main.getImage()).isEqualTo("example.invalid/web:1");
    assertThat(main.getCommand()).isEmpty();
    assertThat(main.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("PORT");
              assertThat(e.getValue()).isEqualTo("8080");
            });
    assertThat(main.getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("web-runtime");
    assertThat(main.getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
    assertThat(main.getResources().getLimits())
        .containsEntry("ephemeral-storage", new Quantity("1Gi"));
    assertThat(main.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(main.getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    assertThat(main.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
    assertThat(main.getStartupProbe().getFailureThreshold()).isEqualTo(30);
    assertThat(containers.get(1).getCommand()).containsExactly("/bin/sh", "-c", "./agent");

    Container workerMain =
        statefulSet(ns, "web-worker").getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(workerMain.getCommand()).containsExactly("/bin/sh", "-c", "bin/worker --queue jobs");
    assertThat(workerMain.getLivenessProbe()).isNull();

    Service service = client.services().inNamespace(ns).withName("web").get();
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
    assertThat(service.getSpec().getSelector())
        .containsEntry("gitfoundry.dev/process-type", "web")
        .containsEntry("gitfoundry.dev/app-guid", ready.getStatus().getGuid());

    Map<String, String> runtime = secretData(ns, "web-runtime");
    assertThat(runtime).containsEntry("GREETING", "hello").containsEntry("VCAP_SERVICES", "{}");
    JsonNode vcap = JSON.readTree(runtime.get("VCAP_APPLICATION"));
    assertThat(vcap.get("application_name").asText()).isEqualTo("web");
    assertThat(vcap.get("application_id").asText()).isEqualTo(ready.getStatus().getGuid());
    assertThat(vcap.get("limits").get("mem").asInt()).isEqualTo(256);

    List<Pod> pods =
        client
            .pods()
            .inNamespace(ns)
            .withLabel("gitfoundry.dev/process-type", "web")
            .list()
            .getItems();
    assertThat(pods)
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
    // The controller-manager's StatefulSet controller numbers the instances; each Pod's app
    // container reads its index, uid and IPs through the downward API.
    assertThat(pods)
        .extracting(
            p ->
                p.getMetadata().getName()
                    + "="
                    + p.getMetadata().getLabels().get("apps.kubernetes.io/pod-index"))
        .containsExactlyInAnyOrder("web-web-0=0", "web-web-1=1");
    for (Pod pod : pods) {
      Map<String, String> env = envOf(pod.getSpec().getContainers().get(0));
      assertThat(env)
          .containsEntry(
              "CF_INSTANCE_INDEX", "fieldRef:metadata.labels['apps.kubernetes.io/pod-index']")
          .containsEntry(
              "INSTANCE_INDEX", "fieldRef:metadata.labels['apps.kubernetes.io/pod-index']")
          .containsEntry("CF_INSTANCE_GUID", "fieldRef:metadata.uid")
          .containsEntry("INSTANCE_GUID", "fieldRef:metadata.uid")
          .containsEntry("CF_INSTANCE_IP", "fieldRef:status.hostIP")
          .containsEntry("CF_INSTANCE_INTERNAL_IP", "fieldRef:status.podIP")
          .containsEntry("CF_INSTANCE_PORT", "8080")
          .containsEntry("CF_INSTANCE_ADDR", "$(CF_INSTANCE_INTERNAL_IP):8080")
          .containsEntry("PORT", "8080");
      assertThat(env.get("VCAP_APPLICATION"))
          .startsWith(
              "{\"instance_id\":\"$(CF_INSTANCE_GUID)\",\"instance_index\":$(CF_INSTANCE_INDEX),")
          .endsWith(",$(GITFOUNDRY_VCAP_APPLICATION_FIELDS)}");
      assertThat(env).doesNotContainKey("SERVICE_BINDING_ROOT");
      // What the kubelet has to go by: the index label and the IPs kwok gave the Pod.
      assertThat(pod.getStatus().getPodIP()).isNotBlank();
      assertThat(pod.getStatus().getHostIP()).isNotBlank();
    }
    JsonNode fields = JSON.readTree("{" + runtime.get("GITFOUNDRY_VCAP_APPLICATION_FIELDS") + "}");
    assertThat(fields).isEqualTo(vcap);
  }

  @Test
  void vcapApplicationNamesTheOrgAndSpaceTheAppRunsIn() throws Exception {
    String home = cluster.createNamespace("home");
    String ns = cluster.createNamespace("space");
    CFOrg org = new CFOrg();
    org.getMetadata().setName("acme");
    org.getMetadata().setNamespace(home);
    org.getMetadata()
        .setLabels(Map.of("gitfoundry.dev/guid", "11111111-1111-5111-8111-111111111111"));
    org.getSpec().setDisplayName("ACME");
    org.getSpec().setNamespace(home + "-org");
    create(client, org);
    CFSpace space = new CFSpace();
    space.getMetadata().setName("acme-prod");
    space.getMetadata().setNamespace(home);
    space
        .getMetadata()
        .setLabels(Map.of("gitfoundry.dev/guid", "22222222-2222-5222-8222-222222222222"));
    space.getSpec().setDisplayName("prod");
    space.getSpec().setOrgName("acme");
    space.getSpec().setNamespace(ns);
    create(client, space);
    create(client, dockerApp(ns, "web", process("web", 1)));

    awaitReady(cluster, () -> get(client, CFApp.class, ns, "web"), "True", "Running");
    await(
        "VCAP_APPLICATION to name the space",
        () ->
            secretData(ns, "web-runtime")
                .get("VCAP_APPLICATION")
                .contains("\"space_name\":\"prod\""));
    JsonNode vcap = JSON.readTree(secretData(ns, "web-runtime").get("VCAP_APPLICATION"));
    assertThat(vcap.get("space_id").asText()).isEqualTo("22222222-2222-5222-8222-222222222222");
    assertThat(vcap.get("organization_name").asText()).isEqualTo("ACME");
    assertThat(vcap.get("organization_id").asText())
        .isEqualTo("11111111-1111-5111-8111-111111111111");
    // The space adopted the app's namespace.
    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/space", "acme-prod");
  }

  @Test
  void stoppedAppScalesEveryProcessToZero() {
    String ns = cluster.createNamespace("stop");
    create(client, dockerApp(ns, "api", process("web", 2)));
    awaitReady(cluster, () -> get(client, CFApp.class, ns, "api"), "True", "Running");

    client
        .resources(CFApp.class)
        .inNamespace(ns)
        .withName("api")
        .edit(
            a -> {
              a.getSpec().setDesiredState(DesiredState.STOPPED);
              return a;
            });

    CFApp stopped =
        awaitReady(cluster, () -> get(client, CFApp.class, ns, "api"), "True", "Stopped");
    assertThat(statefulSet(ns, "api-web").getSpec().getReplicas()).isZero();
    assertThat(stopped.getStatus().getProcesses().get(0).getDesiredInstances()).isZero();
    await(
        "pods of the stopped app to go away",
        () ->
            client
                .pods()
                .inNamespace(ns)
                .withLabel("gitfoundry.dev/app", "api")
                .list()
                .getItems()
                .isEmpty());
  }

  @Test
  void missingServiceInstanceKeepsTheAppUnreadyUntilItsSecretExists() throws Exception {
    String ns = cluster.createNamespace("svc");
    CFApp app = dockerApp(ns, "shop", process("web", 1));
    ServiceBinding binding = new ServiceBinding();
    binding.setName("orders-db");
    binding.setBindingName("db");
    app.getSpec().setServices(List.of(binding));
    create(client, app);

    CFApp waiting =
        awaitReady(
            cluster,
            () -> get(client, CFApp.class, ns, "shop"),
            "False",
            "ServiceInstanceNotFound");
    assertThat(WorkloadTestSupport.ready(waiting).orElseThrow().getMessage()).contains("orders-db");
    assertThat(client.apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();

    createSecret(client, ns, "orders-db", Map.of("uri", "postgres://orders:secret@db:5432/orders"));

    awaitReady(cluster, () -> get(client, CFApp.class, ns, "shop"), "True", "Running");
    JsonNode services = JSON.readTree(secretData(ns, "shop-runtime").get("VCAP_SERVICES"));
    JsonNode entry = services.get("user-provided").get(0);
    assertThat(entry.get("name").asText()).isEqualTo("db");
    assertThat(entry.get("instance_name").asText()).isEqualTo("orders-db");
    assertThat(entry.get("binding_name").asText()).isEqualTo("db");
    assertThat(entry.get("label").asText()).isEqualTo("user-provided");
    assertThat(entry.get("credentials").get("uri").asText())
        .isEqualTo("postgres://orders:secret@db:5432/orders");

    // The same Secret, as servicebinding.io files under $SERVICE_BINDING_ROOT/db.
    Pod pod = onlyPod(ns, "shop");
    Container main = pod.getSpec().getContainers().get(0);
    assertThat(envOf(main)).containsEntry("SERVICE_BINDING_ROOT", "/bindings");
    assertThat(main.getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/bindings/db");
              assertThat(m.getReadOnly()).isTrue();
              var volume =
                  pod.getSpec().getVolumes().stream()
                      .filter(v -> v.getName().equals(m.getName()))
                      .findFirst()
                      .orElseThrow();
              var sources = volume.getProjected().getSources();
              assertThat(sources.get(0).getSecret().getName()).isEqualTo("orders-db");
              assertThat(sources.get(1).getDownwardAPI().getItems())
                  .extracting(i -> i.getPath() + "<-" + i.getFieldRef().getFieldPath())
                  .containsExactly(
                      "type<-metadata.annotations['gitfoundry.dev/binding-0-type']",
                      "provider<-metadata.annotations['gitfoundry.dev/binding-0-provider']");
            });
    assertThat(pod.getMetadata().getAnnotations())
        .containsEntry("gitfoundry.dev/binding-0-type", "user-provided")
        .containsEntry("gitfoundry.dev/binding-0-provider", "user-provided");

    // A change of the Secret rolls the app, as an env change does.
    String before = pod.getMetadata().getUid();
    client
        .secrets()
        .inNamespace(ns)
        .withName("orders-db")
        .edit(
            secret -> {
              secret.setStringData(Map.of("uri", "postgres://orders:rotated@db:5432/orders"));
              return secret;
            });
    await(
        "the shop instance to be replaced after the credentials changed",
        () -> {
          List<Pod> now = podsOf(ns, "shop");
          return now.size() == 1
              && !now.get(0).getMetadata().getUid().equals(before)
              && "Running".equals(now.get(0).getStatus().getPhase());
        });
    awaitReady(cluster, () -> get(client, CFApp.class, ns, "shop"), "True", "Running");
    assertThat(secretData(ns, "shop-runtime").get("VCAP_SERVICES")).contains("rotated");
  }

  @Test
  void buildpackAppWithoutABuilderReportsStagingUnavailable() {
    String ns = cluster.createNamespace("bp");
    CFApp app = dockerApp(ns, "py", process("web", 1));
    app.getSpec().getLifecycle().setType(LifecycleType.BUILDPACK);
    app.getSpec().getLifecycle().setImage(null);
    create(client, app);

    CFApp stalled =
        awaitReady(
            cluster, () -> get(client, CFApp.class, ns, "py"), "False", "StagingUnavailable");
    assertThat(WorkloadTestSupport.ready(stalled).orElseThrow().getMessage())
        .contains("kpack")
        .contains("docker.image");
    assertThat(Conditions.isTrue(stalled.getStatus(), Conditions.STALLED)).isTrue();
    assertThat(client.apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  void statefulSetEditedByHandIsSetBack() {
    String ns = cluster.createNamespace("drift");
    create(client, dockerApp(ns, "api", process("web", 2)));
    awaitReady(cluster, () -> get(client, CFApp.class, ns, "api"), "True", "Running");

    client
        .apps()
        .statefulSets()
        .inNamespace(ns)
        .withName("api-web")
        .edit(
            d -> {
              d.getSpec().setReplicas(5);
              return d;
            });

    long started = System.nanoTime();
    await(
        "replicas of api-web set back to 2",
        () -> statefulSet(ns, "api-web").getSpec().getReplicas() == 2);
    System.out.printf(
        "[workload-it] drift on api-web corrected in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
    awaitReady(cluster, () -> get(client, CFApp.class, ns, "api"), "True", "Running");
  }

  @Test
  void newRevisionWithoutSpecChangeIsRecordedAndRewritesNothing() {
    String ns = cluster.createNamespace("rev");
    create(client, dockerApp(ns, "api", process("web", 1)));
    awaitReady(cluster, () -> get(client, CFApp.class, ns, "api"), "True", "Running");
    long generation = statefulSet(ns, "api-web").getMetadata().getGeneration();
    String serviceVersion =
        client.services().inNamespace(ns).withName("api").get().getMetadata().getResourceVersion();
    String secretVersion =
        client
            .secrets()
            .inNamespace(ns)
            .withName("api-runtime")
            .get()
            .getMetadata()
            .getResourceVersion();

    // What the applier does when a commit leaves the app unchanged.
    client
        .resources(CFApp.class)
        .inNamespace(ns)
        .withName("api")
        .edit(
            a -> {
              a.getMetadata().setAnnotations(Map.of("gitfoundry.dev/revision", "main@sha1:abc123"));
              return a;
            });

    await(
        "status.revision to follow the annotation",
        () ->
            "main@sha1:abc123"
                .equals(get(client, CFApp.class, ns, "api").getStatus().getRevision()));
    assertThat(statefulSet(ns, "api-web").getMetadata().getGeneration()).isEqualTo(generation);
    assertThat(
            client
                .secrets()
                .inNamespace(ns)
                .withName("api-runtime")
                .get()
                .getMetadata()
                .getResourceVersion())
        .isEqualTo(secretVersion);
    assertThat(
            client
                .services()
                .inNamespace(ns)
                .withName("api")
                .get()
                .getMetadata()
                .getResourceVersion())
        .isEqualTo(serviceVersion);
  }

  private StatefulSet statefulSet(String ns, String name) {
    return client.apps().statefulSets().inNamespace(ns).withName(name).get();
  }

  private List<Pod> podsOf(String ns, String app) {
    return client
        .pods()
        .inNamespace(ns)
        .withLabel("gitfoundry.dev/app", app)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private Pod onlyPod(String ns, String app) {
    List<Pod> pods = podsOf(ns, app);
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  /** Each env var as its value, or {@code fieldRef:<path>} for the downward API. */
  private static Map<String, String> envOf(Container container) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(
          var.getName(),
          var.getValueFrom() != null
              ? "fieldRef:" + var.getValueFrom().getFieldRef().getFieldPath()
              : var.getValue());
    }
    return env;
  }

  private Map<String, String> secretData(String ns, String name) {
    Secret secret = client.secrets().inNamespace(ns).withName(name).get();
    return secret.getData().entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
  }
}
