package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where things are in a manifests repository: {@code foundation.yml} at the top, every directory an
 * org, every directory in an org a space, and any {@code manifest.yml} inside a space. A base that
 * is itself a manifest, or holds one directly, is a single-app repository instead.
 */
record RepositoryLayout(
    String base,
    String foundationFile,
    Map<String, Org> orgs,
    String singleManifest,
    List<String> strayManifests) {

  record Org(String dir, Map<String, Space> spaces) {}

  record Space(String dir, List<String> manifests) {}

  static RepositoryLayout discover(SourceTree tree, String base) {
    String prefix = base.isEmpty() ? "" : base + "/";
    if (!base.isEmpty() && tree.get(base) != null) {
      return new RepositoryLayout(parentOf(base), null, Map.of(), base, List.of());
    }
    String foundation =
        tree.get(prefix + "foundation.yml") != null ? prefix + "foundation.yml" : null;
    for (String name : List.of("manifest.yml", "manifest.yaml")) {
      if (tree.get(prefix + name) != null) {
        // foundation.yml at the path still names the domains of a single-manifest directory.
        return new RepositoryLayout(base, foundation, Map.of(), prefix + name, List.of());
      }
    }
    Map<String, Org> orgs = new TreeMap<>();
    List<String> stray = new ArrayList<>();
    for (String path : tree.files().keySet()) {
      if (!path.startsWith(prefix)) {
        continue;
      }
      String[] segments = path.substring(prefix.length()).split("/");
      if (hidden(segments) || segments.length < 2) {
        continue;
      }
      Org org = orgs.computeIfAbsent(segments[0], o -> new Org(prefix + o, new TreeMap<>()));
      boolean manifest = isManifest(segments[segments.length - 1]);
      if (segments.length == 2) {
        if (manifest) {
          stray.add(path);
        }
        continue;
      }
      Space space =
          org.spaces()
              .computeIfAbsent(segments[1], s -> new Space(org.dir() + "/" + s, new ArrayList<>()));
      if (manifest) {
        space.manifests().add(path);
      }
    }
    return new RepositoryLayout(base, foundation, orgs, null, stray);
  }

  static boolean isManifest(String fileName) {
    return fileName.equals("manifest.yml") || fileName.equals("manifest.yaml");
  }

  private static boolean hidden(String[] segments) {
    for (String segment : segments) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
