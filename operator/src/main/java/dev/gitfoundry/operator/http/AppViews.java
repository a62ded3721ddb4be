package dev.gitfoundry.operator.http;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFAppStatus;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.DesiredState;
import dev.gitfoundry.api.v1alpha1.ProcessSpec;
import dev.gitfoundry.api.v1alpha1.ProcessStatus;
import dev.gitfoundry.api.v1alpha1.SourceLocation;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Live CFApps as the page shows them: state, instances per process, routes, the reason in plain
 * words. Only what the commit status could say about an app, and what the repository declares:
 * never env values, bound Secrets or other Kubernetes details.
 */
final class AppViews {
  private final StatusReads reads;

  AppViews(StatusReads reads) {
    this.reads = reads;
  }

  /** The apps ordered by org, space and name; declarations linked at {@code sha}. */
  List<AppView> of(List<CFApp> apps, String sha, ForgeLinks forge) {
    return apps.stream()
        .map(app -> view(app, sha, forge))
        .sorted(
            Comparator.comparing(AppView::org, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(AppView::space, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(AppView::name, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  private AppView view(CFApp app, String sha, ForgeLinks forge) {
    CFAppStatus status = app.getStatus();
    Condition ready = status == null ? null : Conditions.get(status, Conditions.READY).orElse(null);
    String reason = ready == null ? "Pending" : ready.getReason();
    String state = state(app, ready);
    StatusReads.Placement placement = reads.placement(app);
    SourceLocation declared = app.getSpec().getSource();
    return new AppView(
        app.getSpec().getDisplayName() == null
            ? app.getMetadata().getName()
            : app.getSpec().getDisplayName(),
        placement.org(),
        placement.space(),
        state,
        isReady(app, ready),
        reason,
        PlainReasons.of(reason),
        ready == null || "True".equals(ready.getStatus()) ? null : ready.getMessage(),
        processes(app),
        status == null || status.getUrls() == null ? List.of() : List.copyOf(status.getUrls()),
        declared == null || declared.getFile() == null
            ? null
            : declared.getFile() + (declared.getLine() == null ? "" : ":" + declared.getLine()),
        declared == null ? null : forge.line(sha, declared.getFile(), declared.getLine()));
  }

  /** Ready for the current spec: a Ready condition of an older generation does not count. */
  private static boolean isReady(CFApp app, Condition ready) {
    CFAppStatus status = app.getStatus();
    return status != null
        && Objects.equals(status.getObservedGeneration(), app.getMetadata().getGeneration())
        && ready != null
        && "True".equals(ready.getStatus());
  }

  private static String state(CFApp app, Condition ready) {
    CFAppStatus status = app.getStatus();
    if (isReady(app, ready)) {
      return app.getSpec().getDesiredState() == DesiredState.STOPPED ? "stopped" : "running";
    }
    if (app.getSpec().getDesiredState() == DesiredState.STOPPED) {
      return "stopped";
    }
    if (status != null && Conditions.isTrue(status, Conditions.STALLED)) {
      return "failed";
    }
    return "starting";
  }

  /** Instances per process: from the status, else (not reconciled yet) 0 of what is declared. */
  private static List<AppView.Process> processes(CFApp app) {
    List<ProcessStatus> observed = app.getStatus() == null ? null : app.getStatus().getProcesses();
    if (observed != null && !observed.isEmpty()) {
      return observed.stream()
          .map(
              p ->
                  new AppView.Process(
                      p.getType(), count(p.getReadyInstances()), count(p.getDesiredInstances())))
          .toList();
    }
    List<ProcessSpec> declared = app.getSpec().getProcesses();
    return declared == null
        ? List.of()
        : declared.stream()
            .map(p -> new AppView.Process(p.getType(), 0, count(p.getInstances())))
            .toList();
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }
}
