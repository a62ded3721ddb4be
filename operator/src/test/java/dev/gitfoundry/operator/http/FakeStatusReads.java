package dev.gitfoundry.operator.http;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.preview.PreviewLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Sources and apps held in lists, selected by the same labels the informers index. */
final class FakeStatusReads implements StatusReads {
  final List<GitSource> sources = new ArrayList<>();
  final List<CFApp> apps = new ArrayList<>();

  @Override
  public Optional<GitSource> source(String namespace, String name) {
    return sources.stream()
        .filter(s -> namespace.equals(s.getMetadata().getNamespace()))
        .filter(s -> name.equals(s.getMetadata().getName()))
        .findFirst();
  }

  @Override
  public List<CFApp> apps(String namespace, String name) {
    return apps.stream()
        .filter(a -> has(a, Labels.SOURCE_NAMESPACE, namespace) && has(a, Labels.SOURCE, name))
        .toList();
  }

  @Override
  public List<CFApp> previewApps(String namespace, String name, int pullRequest) {
    return apps.stream()
        .filter(a -> has(a, PreviewLabels.SOURCE_NAMESPACE, namespace))
        .filter(a -> has(a, PreviewLabels.SOURCE, name))
        .filter(a -> has(a, PreviewLabels.PULL_REQUEST, Integer.toString(pullRequest)))
        .toList();
  }

  @Override
  public Placement placement(CFApp app) {
    return new Placement("acme", app.getMetadata().getNamespace().replaceFirst("^acme-", ""));
  }

  private static boolean has(CFApp app, String label, String value) {
    Map<String, String> labels = app.getMetadata().getLabels();
    return labels != null && Objects.equals(labels.get(label), value);
  }
}
