package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The Service in front of the app's web process, which routes send traffic to. */
final class WebServiceDependent extends CRUDKubernetesDependentResource<Service, CFApp> {
  WebServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(CFApp app, Context<CFApp> context) {
    String guid = CFAppReconciler.inputs(context).guid();
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(AppNames.service(app.getMetadata().getName()))
        .withNamespace(app.getMetadata().getNamespace())
        .addToLabels(Labels.APP, app.getMetadata().getName())
        .addToLabels(Labels.APP_GUID, guid)
        .addToLabels(Labels.PROCESS_TYPE, AppNames.WEB)
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .endMetadata()
        .withNewSpec()
        .addToSelector(Labels.APP_GUID, guid)
        .addToSelector(Labels.PROCESS_TYPE, AppNames.WEB)
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(AppNames.PORT)
        .withTargetPort(new IntOrString(AppNames.PORT))
        .endPort()
        .endSpec()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(CFApp app, Context<CFApp> context) {
    return new ResourceID(
        AppNames.service(app.getMetadata().getName()), app.getMetadata().getNamespace());
  }
}
