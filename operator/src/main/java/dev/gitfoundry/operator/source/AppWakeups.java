package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.Map;

/**
 * Wakes a GitSource when one of its CFApps changes (a rollout's progress, or an edit by hand to set
 * back), from the operator's shared CFApp informer rather than a watch of its own.
 */
final class AppWakeups implements ResourceEventHandler<CFApp> {
  private final SimpleInboundEventSource<GitSource> events =
      new SimpleInboundEventSource<>("cfapp-changes");

  AppWakeups(SharedIndexInformer<CFApp> apps) {
    apps.addEventHandler(this);
  }

  SimpleInboundEventSource<GitSource> eventSource() {
    return events;
  }

  @Override
  public void onAdd(CFApp app) {
    wake(app);
  }

  @Override
  public void onUpdate(CFApp before, CFApp app) {
    wake(app);
  }

  @Override
  public void onDelete(CFApp app, boolean deletedFinalStateUnknown) {
    wake(app);
  }

  private void wake(CFApp app) {
    Map<String, String> labels = app.getMetadata().getLabels();
    if (labels != null
        && labels.get(Labels.SOURCE) != null
        && labels.get(Labels.SOURCE_NAMESPACE) != null) {
      events.propagateEvent(
          new ResourceID(labels.get(Labels.SOURCE), labels.get(Labels.SOURCE_NAMESPACE)));
    }
  }
}
