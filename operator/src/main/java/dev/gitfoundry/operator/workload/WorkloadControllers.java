package dev.gitfoundry.operator.workload;

import dev.gitfoundry.operator.cache.LeanStore;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.operator.workload.app.CFAppReconciler;
import dev.gitfoundry.operator.workload.route.CFRouteReconciler;
import dev.gitfoundry.operator.workload.tenancy.CFOrgReconciler;
import dev.gitfoundry.operator.workload.tenancy.CFSpaceReconciler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the CFOrg, CFSpace, CFApp and CFRoute reconcilers with an operator. */
public final class WorkloadControllers {
  /** Periodic resync: children edited by hand are set back at the latest after this long. */
  public static final Duration RESYNC = Duration.ofMinutes(10);

  static final String KPACK_IMAGES_CRD = "images.kpack.io";
  static final String HTTP_ROUTES_CRD = "httproutes.gateway.networking.k8s.io";

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadControllers.class);

  private WorkloadControllers() {}

  /**
   * Registers all four reconcilers, watching {@code config.watchNamespaces()} (all when empty).
   * Optional APIs (kpack, Gateway API) are detected now: installing them later needs a restart.
   */
  public static void register(Operator operator, OperatorConfig config, Clock clock) {
    register(operator, config, config.staging(), clock);
  }

  /** As {@link #register(Operator, OperatorConfig, Clock)}, building buildpack apps with kpack. */
  public static void register(
      Operator operator, OperatorConfig config, StagingConfig staging, Clock clock) {
    KubernetesClient client = operator.getKubernetesClient();
    boolean kpack = crdServed(client, KPACK_IMAGES_CRD);
    boolean gatewayApi = crdServed(client, HTTP_ROUTES_CRD);
    LOG.info(
        "workload controllers: routing {}, kpack {}, Gateway API {}",
        config.routingMode(),
        kpack ? "found" : "absent",
        gatewayApi ? "found" : "absent");
    String cfApi = config.publicBaseUrl() == null ? null : config.publicBaseUrl().toString();
    // A restricted operator serves only the listed namespaces, the space Namespaces included, so
    // that several operators can split a cluster without reconciling each other's apps.
    Set<String> namespaces = config.watchNamespaces();
    register(operator, new CFOrgReconciler(clock), namespaces);
    register(operator, new CFSpaceReconciler(clock), namespaces);
    register(operator, new CFAppReconciler(cfApi, kpack, staging, clock), namespaces);
    register(operator, new CFRouteReconciler(config, gatewayApi, clock), namespaces);
  }

  private static <P extends HasMetadata> void register(
      Operator operator, Reconciler<P> reconciler, Set<String> namespaces) {
    Consumer<ControllerConfigurationOverrider<P>> overrides =
        o -> {
          o.withReconciliationMaxInterval(RESYNC);
          // The applier changes labels (guid) and annotations (revision) without a new generation;
          // status patches change neither, so they do not trigger another reconcile.
          o.withGenerationAware(false);
          o.withOnUpdateFilter(WorkloadControllers::specOrMetadataChanged);
          if (LeanStore.fitsOneInformer(namespaces)) {
            o.withItemStore(new LeanStore<>());
          }
          if (!namespaces.isEmpty()) {
            o.settingNamespaces(namespaces);
          }
        };
    operator.register(reconciler, overrides);
  }

  static boolean specOrMetadataChanged(HasMetadata newer, HasMetadata older) {
    var n = newer.getMetadata();
    var o = older.getMetadata();
    return !Objects.equals(n.getGeneration(), o.getGeneration())
        || !Objects.equals(n.getLabels(), o.getLabels())
        || !Objects.equals(n.getAnnotations(), o.getAnnotations())
        || !Objects.equals(n.getFinalizers(), o.getFinalizers())
        || n.getDeletionTimestamp() != null;
  }

  private static boolean crdServed(KubernetesClient client, String name) {
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null;
    } catch (KubernetesClientException e) {
      // Not allowed to read CRDs: treat the API as absent and say so in resource conditions.
      LOG.warn("cannot check for CRD {}: {}", name, e.getMessage());
      return false;
    }
  }
}
