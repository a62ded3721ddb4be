package dev.gitfoundry.operator.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A {@code docker save} style image tarball, as Jib's {@code buildTar} writes it: {@code
 * manifest.json}, the image configuration and gzipped layer tarballs. Unpacks the layers the way a
 * container runtime stacks them and remembers every entry's header (owner, mode, link) for checks
 * that the unpacked files, owned by whoever runs the test, cannot show.
 */
final class ImageTarball {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One file system entry of a layer, as its tar header describes it. */
  record Entry(String path, int mode, long uid, long gid, boolean directory, String linkTarget) {
    boolean isRegularFile() {
      return !directory && linkTarget == null;
    }
  }

  private final JsonNode manifest;
  private final JsonNode config;
  private final List<Path> layers;

  private ImageTarball(JsonNode manifest, JsonNode config, List<Path> layers) {
    this.manifest = manifest;
    this.config = config;
    this.layers = layers;
  }

  /** Extracts {@code tarball} into {@code directory} and reads its manifest and configuration. */
  static ImageTarball open(Path tarball, Path directory) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (entry.isFile()) {
          Files.copy(tar, safeResolve(directory, entry.getName()));
        }
      }
    }
    JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile());
    if (manifest.size() != 1) {
      throw new IllegalStateException("expected one image in the tarball, found " + manifest);
    }
    JsonNode image = manifest.get(0);
    JsonNode config = JSON.readTree(directory.resolve(image.get("Config").asText()).toFile());
    List<Path> layers = new ArrayList<>();
    image.get("Layers").forEach(layer -> layers.add(directory.resolve(layer.asText())));
    return new ImageTarball(manifest, config, layers);
  }

  List<String> repoTags() {
    List<String> tags = new ArrayList<>();
    manifest.get(0).path("RepoTags").forEach(tag -> tags.add(tag.asText()));
    return tags;
  }

  /** The image configuration's {@code config} object: Entrypoint, Cmd, Env, User, Labels, … */
  JsonNode containerConfig() {
    return config.get("config");
  }

  int layerCount() {
    return layers.size();
  }

  /**
   * Unpacks every layer, in order, into {@code rootfs}; returns the entries by path, a later
   * layer's entry replacing an earlier one's. Whiteouts are refused: this image never deletes.
   */
  Map<String, Entry> unpack(Path rootfs) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Path layer : layers) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(layer), 1 << 16);
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        for (TarArchiveEntry header; (header = tar.getNextEntry()) != null; ) {
          Entry entry = write(rootfs, header, tar);
          entries.put(entry.path(), entry);
        }
      }
    }
    return entries;
  }

  private static Entry write(Path rootfs, TarArchiveEntry header, InputStream content)
      throws IOException {
    String path = header.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
    if (path.contains(".wh.")) {
      throw new IllegalStateException("whiteout in a layer: " + path);
    }
    Path target = safeResolve(rootfs, path);
    if (!(header.isDirectory() && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS))) {
      Files.deleteIfExists(target); // a later layer replaces a file or link
    }
    String linkTarget = null;
    if (header.isDirectory()) {
      Files.createDirectories(target);
    } else if (header.isSymbolicLink()) {
      linkTarget = header.getLinkName();
      Files.createSymbolicLink(target, Path.of(linkTarget));
    } else if (header.isLink()) {
      linkTarget = header.getLinkName();
      Files.copy(safeResolve(rootfs, linkTarget), target);
    } else if (header.isFile()) {
      Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
    } else {
      throw new IllegalStateException("unexpected entry type in a layer: " + path);
    }
    if (!header.isSymbolicLink()) {
      // The owner (the test) keeps write access, so that it can add mount points and clean up.
      Files.setPosixFilePermissions(target, permissions(header.getMode() | 0200));
    }
    return new Entry(
        path,
        header.getMode(),
        header.getLongUserId(),
        header.getLongGroupId(),
        header.isDirectory(),
        linkTarget);
  }

  private static Path safeResolve(Path root, String name) throws IOException {
    Path target = root.resolve(name).normalize();
    if (!target.startsWith(root)) {
      throw new IllegalStateException("entry escapes the directory: " + name);
    }
    if (target.getParent() != null
        && !Files.exists(target.getParent(), LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(target.getParent());
    }
    return target;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }
}
