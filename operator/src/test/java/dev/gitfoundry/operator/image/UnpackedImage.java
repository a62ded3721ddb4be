package dev.gitfoundry.operator.image;

import dev.gitfoundry.operator.image.ImageTarball.Entry;
import dev.gitfoundry.testing.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The image that {@code -Pimage} builds (system property {@code gitfoundry.image.tar}, set by the
 * profile), unpacked into a temporary directory, with a {@link RootlessContainer} to run it.
 */
final class UnpackedImage implements AutoCloseable {
  /** The system property that names the tarball; the image tests are skipped without it. */
  static final String TARBALL_PROPERTY = "gitfoundry.image.tar";

  final ImageTarball tarball;
  final Map<String, Entry> files;
  final Path rootfs;
  final RootlessContainer container;
  private final TempDir directory;

  private UnpackedImage(TempDir directory, ImageTarball tarball, Map<String, Entry> files)
      throws IOException {
    this.directory = directory;
    this.tarball = tarball;
    this.files = files;
    this.rootfs = directory.resolve("rootfs");
    this.container = new RootlessContainer(rootfs, tarball.containerConfig());
  }

  static UnpackedImage unpack() throws IOException {
    TempDir directory = TempDir.create("image");
    try {
      Path source = Path.of(System.getProperty(TARBALL_PROPERTY));
      ImageTarball tarball =
          ImageTarball.open(source, Files.createDirectories(directory.resolve("tarball")));
      Map<String, Entry> files =
          tarball.unpack(Files.createDirectories(directory.resolve("rootfs")));
      return new UnpackedImage(directory, tarball, files);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  @Override
  public void close() {
    directory.close();
  }
}
