package dev.gitfoundry.operator.workload.app;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFileBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bound services as files, the way the servicebinding.io spec lays them out: {@code
 * $SERVICE_BINDING_ROOT/<binding name>/} holds one file per credential, {@code type} and {@code
 * provider}. The files are the service's own Secret (the one VCAP_SERVICES is built from),
 * projected; a Secret that has no {@code type} or {@code provider} key gets {@code user-provided}
 * for it, from an annotation on the Pod through the downward API, so no copy of the credentials is
 * made.
 */
final class BindingFiles {
  static final String ROOT = "/bindings";
  static final String ROOT_VARIABLE = "SERVICE_BINDING_ROOT";
  static final String USER_PROVIDED = "user-provided";
  private static final String VOLUME_PREFIX = "binding-";

  /**
   * One bound service.
   *
   * @param name the binding name, which names its directory
   * @param secret the service instance's Secret
   * @param hasType whether the Secret has its own {@code type} key
   * @param hasProvider whether the Secret has its own {@code provider} key
   */
  record Binding(String name, String secret, boolean hasType, boolean hasProvider) {}

  private BindingFiles() {}

  /** The bindings with distinct directories; a second binding of one name would clash. */
  static List<Binding> distinct(List<Binding> bindings) {
    Set<String> seen = new HashSet<>();
    return bindings.stream().filter(b -> seen.add(directory(b))).toList();
  }

  static List<Volume> volumes(List<Binding> bindings) {
    List<Volume> volumes = new ArrayList<>();
    List<Binding> distinct = distinct(bindings);
    for (int i = 0; i < distinct.size(); i++) {
      Binding binding = distinct.get(i);
      List<VolumeProjection> sources = new ArrayList<>();
      sources.add(
          new VolumeProjectionBuilder()
              .withNewSecret()
              .withName(binding.secret())
              .endSecret()
              .build());
      List<DownwardAPIVolumeFile> defaults = new ArrayList<>();
      if (!binding.hasType()) {
        defaults.add(annotationFile("type", i));
      }
      if (!binding.hasProvider()) {
        defaults.add(annotationFile("provider", i));
      }
      if (!defaults.isEmpty()) {
        sources.add(
            new VolumeProjectionBuilder()
                .withNewDownwardAPI()
                .withItems(defaults)
                .endDownwardAPI()
                .build());
      }
      volumes.add(
          new VolumeBuilder()
              .withName(VOLUME_PREFIX + i)
              .withNewProjected()
              .withSources(sources)
              .endProjected()
              .build());
    }
    return volumes;
  }

  static List<VolumeMount> mounts(List<Binding> bindings) {
    List<VolumeMount> mounts = new ArrayList<>();
    List<Binding> distinct = distinct(bindings);
    for (int i = 0; i < distinct.size(); i++) {
      mounts.add(
          new VolumeMountBuilder()
              .withName(VOLUME_PREFIX + i)
              .withMountPath(ROOT + "/" + directory(distinct.get(i)))
              .withReadOnly(true)
              .build());
    }
    return mounts;
  }

  /** The Pod annotations the {@code type} and {@code provider} files default from. */
  static Map<String, String> annotations(List<Binding> bindings) {
    Map<String, String> annotations = new LinkedHashMap<>();
    List<Binding> distinct = distinct(bindings);
    for (int i = 0; i < distinct.size(); i++) {
      if (!distinct.get(i).hasType()) {
        annotations.put(annotation("type", i), USER_PROVIDED);
      }
      if (!distinct.get(i).hasProvider()) {
        annotations.put(annotation("provider", i), USER_PROVIDED);
      }
    }
    return annotations;
  }

  /** A binding name as one directory: never a path. */
  static String directory(Binding binding) {
    String name = binding.name().replace('/', '_');
    return name.equals(".") || name.equals("..") ? name.replace('.', '_') : name;
  }

  private static DownwardAPIVolumeFile annotationFile(String file, int index) {
    return new DownwardAPIVolumeFileBuilder()
        .withPath(file)
        .withNewFieldRef()
        .withApiVersion("v1")
        .withFieldPath("metadata.annotations['" + annotation(file, index) + "']")
        .endFieldRef()
        .build();
  }

  private static String annotation(String file, int index) {
    return Labels.PREFIX + "binding-" + index + "-" + file;
  }
}
