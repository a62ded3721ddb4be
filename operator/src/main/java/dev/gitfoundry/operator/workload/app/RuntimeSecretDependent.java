package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** The Secret every process reads its environment from: manifest env plus the VCAP variables. */
final class RuntimeSecretDependent extends CRUDKubernetesDependentResource<Secret, CFApp> {
  static final String COMPONENT = "runtime";

  RuntimeSecretDependent() {
    super(Secret.class);
    configureWith(
        new KubernetesDependentResourceConfigBuilder<Secret>()
            .withKubernetesDependentInformerConfig(
                InformerConfiguration.builder(Secret.class)
                    .withName("cfapp-runtime-secrets")
                    .withLabelSelector(WorkloadLabels.COMPONENT + "=" + COMPONENT)
                    .build())
            .build());
  }

  @Override
  protected Secret desired(CFApp app, Context<CFApp> context) {
    AppInputs inputs = CFAppReconciler.inputs(context);
    return new SecretBuilder()
        .withNewMetadata()
        .withName(AppNames.runtimeSecret(app))
        .withNamespace(app.getMetadata().getNamespace())
        .addToLabels(Labels.APP, app.getMetadata().getName())
        .addToLabels(Labels.APP_GUID, inputs.guid())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(WorkloadLabels.COMPONENT, COMPONENT)
        .endMetadata()
        .withType("Opaque")
        // data, not stringData: the API server stores only data, so stringData never matches.
        .withData(encoded(inputs.runtimeEnv()))
        .build();
  }

  private static Map<String, String> encoded(Map<String, String> values) {
    Map<String, String> data = new TreeMap<>();
    values.forEach(
        (k, v) ->
            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return data;
  }

  @Override
  protected ResourceID targetSecondaryResourceID(CFApp app, Context<CFApp> context) {
    return new ResourceID(AppNames.runtimeSecret(app), app.getMetadata().getNamespace());
  }
}
