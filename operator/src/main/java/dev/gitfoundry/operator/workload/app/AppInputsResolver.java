package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.Lifecycle;
import dev.gitfoundry.api.v1alpha1.LifecycleType;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.ServiceBinding;
import dev.gitfoundry.operator.workload.Readiness;
import dev.gitfoundry.operator.workload.Reasons;
import dev.gitfoundry.operator.workload.StagingConfig;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import dev.gitfoundry.operator.workload.route.RouteUrls;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves what an app needs before anything can run: its image, its env Secret, the Secrets of its
 * service instances, and where it lives. Returns either the inputs or why it cannot proceed.
 */
final class AppInputsResolver {
  private static final Duration RECHECK = Duration.ofSeconds(30);

  /** Either inputs, or the reason the app cannot be rolled out now. */
  record Resolution(AppInputs inputs, Readiness blocked) {}

  private final AppSources sources;
  private final String cfApi;
  private final boolean kpackInstalled;
  private final StagingConfig staging;

  AppInputsResolver(
      AppSources sources, String cfApi, boolean kpackInstalled, StagingConfig staging) {
    this.sources = sources;
    this.cfApi = cfApi;
    this.kpackInstalled = kpackInstalled;
    this.staging = staging;
  }

  Resolution resolve(CFApp app) {
    String namespace = app.getMetadata().getNamespace();
    Lifecycle lifecycle = app.getSpec().getLifecycle();
    String image = null;
    AppInputs.KpackBuild build = null;
    if (lifecycle != null && lifecycle.getType() != LifecycleType.DOCKER) {
      String type = lifecycle.getType().name().toLowerCase(Locale.ROOT);
      if (!kpackInstalled || !staging.configured()) {
        return blocked(Readiness.stalled(Reasons.STAGING_UNAVAILABLE, stagingMessage(type)));
      }
      build = kpackBuild(app, lifecycle);
      if (build == null) {
        return blocked(
            Readiness.stalled(
                Reasons.STAGING_UNAVAILABLE,
                type
                    + " apps are built from the commit their GitSource applied; this app has no"
                    + " GitSource or revision: set docker.image to run it without a build"));
      }
    } else {
      image = lifecycle == null ? null : lifecycle.getImage();
      if (image == null || image.isBlank()) {
        return blocked(
            Readiness.stalled(Reasons.INVALID_SPEC, "docker lifecycle without an image"));
      }
    }

    Map<String, String> env = new TreeMap<>();
    String envSecret = app.getSpec().getEnvSecretName();
    if (envSecret != null) {
      var secret = sources.secret(namespace, envSecret);
      if (secret.isEmpty()) {
        return blocked(
            Readiness.waiting(
                Reasons.ENV_SECRET_NOT_FOUND,
                "env Secret " + envSecret + " not found in namespace " + namespace,
                RECHECK));
      }
      env.putAll(decode(secret.get()));
    }

    List<Vcap.BoundService> services = new ArrayList<>();
    List<BindingFiles.Binding> bindings = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ServiceBinding binding : nullToEmpty(app.getSpec().getServices())) {
      var secret = sources.secret(namespace, binding.getName());
      if (secret.isEmpty()) {
        missing.add(binding.getName());
      } else {
        Map<String, String> credentials = decode(secret.get());
        services.add(
            new Vcap.BoundService(binding.getName(), binding.getBindingName(), credentials));
        bindings.add(
            new BindingFiles.Binding(
                binding.getBindingName() != null ? binding.getBindingName() : binding.getName(),
                binding.getName(),
                credentials.containsKey("type"),
                credentials.containsKey("provider")));
      }
    }
    if (!missing.isEmpty()) {
      return blocked(
          Readiness.waiting(
              Reasons.SERVICE_INSTANCE_NOT_FOUND,
              "service instance "
                  + String.join(", ", missing)
                  + ": no Secret of that name in namespace "
                  + namespace
                  + " (create it with the credentials)",
              RECHECK));
    }

    String guid = WorkloadLabels.guid(app);
    String vcapServices = Vcap.services(services);
    ProcessSpec limits = limitsProcess(app);
    List<String> uris = sources.routesTo(app).stream().map(RouteUrls::uri).toList();
    String vcapApplication =
        Vcap.application(
            guid,
            app.getSpec().getDisplayName(),
            placement(app),
            uris,
            orZero(limits == null ? null : limits.getMemoryMB()),
            orZero(limits == null ? null : limits.getDiskMB()),
            cfApi);
    env.put("VCAP_APPLICATION", vcapApplication);
    // Each instance's VCAP_APPLICATION adds its index and id to these (InstanceEnv).
    env.put(InstanceEnv.VCAP_FIELDS, vcapApplication.substring(1, vcapApplication.length() - 1));
    env.put("VCAP_SERVICES", vcapServices);
    // Route changes alone do not restart instances (as on CF); env and credentials do, and so
    // does any change of a bound Secret, whose files are mounted too.
    // The image itself is in the pod template; the checksum covers what envFrom hides.
    String checksum = sha256(envValues(env));
    return new Resolution(new AppInputs(guid, image, build, env, bindings, checksum), null);
  }

  private Vcap.Placement placement(CFApp app) {
    String spaceName = app.getSpec().getSpaceName();
    String orgName = app.getSpec().getOrgName();
    var space = sources.spaceFor(app.getMetadata().getNamespace());
    if (space.isEmpty()) {
      return new Vcap.Placement(null, orgName, null, spaceName);
    }
    CFSpace s = space.get();
    var org = sources.org(s.getMetadata().getNamespace(), s.getSpec().getOrgName());
    return new Vcap.Placement(
        org.map(WorkloadLabels::guid).orElse(null),
        org.map((CFOrg o) -> o.getSpec().getDisplayName()).orElse(orgName),
        WorkloadLabels.guid(s),
        s.getSpec().getDisplayName());
  }

  private String stagingMessage(String type) {
    if (kpackInstalled) {
      return type
          + " apps need staging; kpack is installed but no image registry is configured for"
          + " builds: configure one and restart the operator, or set docker.image in the manifest";
    }
    return type
        + " apps need staging and no builder is installed: install kpack (images.kpack.io)"
        + " and restart the operator, or set docker.image in the manifest";
  }

  /** The build of the app's directory at the commit it was applied from, or null if unknown. */
  private AppInputs.KpackBuild kpackBuild(CFApp app, Lifecycle lifecycle) {
    var labels = app.getMetadata().getLabels();
    var annotations = app.getMetadata().getAnnotations();
    String revision = annotations == null ? null : annotations.get(Labels.REVISION);
    if (labels == null || revision == null || !revision.contains(":")) {
      return null;
    }
    var source = sources.gitSource(labels.get(Labels.SOURCE_NAMESPACE), labels.get(Labels.SOURCE));
    if (source.isEmpty() || source.get().getSpec().getUrl() == null) {
      return null;
    }
    String namespace = app.getMetadata().getNamespace();
    return new AppInputs.KpackBuild(
        staging.imageRegistry() + "/" + namespace + "/" + app.getMetadata().getName(),
        source.get().getSpec().getUrl(),
        revision.substring(revision.lastIndexOf(':') + 1),
        lifecycle.getPath(),
        staging.clusterBuilder(),
        staging.serviceAccount());
  }

  private static ProcessSpec limitsProcess(CFApp app) {
    var processes = nullToEmpty(app.getSpec().getProcesses());
    return processes.stream()
        .filter(p -> AppNames.WEB.equals(p.getType()))
        .findFirst()
        .orElse(processes.isEmpty() ? null : processes.get(0));
  }

  private static Map<String, String> decode(Secret secret) {
    Map<String, String> values = new TreeMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  values.put(
                      k,
                      v == null
                          ? ""
                          : new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return values;
  }

  private static String envValues(Map<String, String> env) {
    StringBuilder b = new StringBuilder();
    env.forEach(
        (k, v) -> {
          if (!"VCAP_APPLICATION".equals(k) && !InstanceEnv.VCAP_FIELDS.equals(k)) {
            b.append(k).append('=').append(v).append('\n');
          }
        });
    return b.toString();
  }

  private static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Resolution blocked(Readiness readiness) {
    return new Resolution(null, readiness);
  }
}
